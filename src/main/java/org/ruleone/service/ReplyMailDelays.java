package org.ruleone.service;

import java.util.Locale;
import java.util.Optional;

/**
 * Implemented by the module that mails replies to customers (the mailroom): says when a case's reply by e-mail has
 * not gone out, so the case page never says "Reply sent" for mail that waits in an outbox nobody empties.
 */
public interface ReplyMailDelays {

    /**
     * Why mail of this case waits, already worded for the reader's locale (e.g. "2 messages waiting — no mail server
     * configured"); empty when the case has no mail waiting or mail is going out.
     */
    Optional<String> delay(long caseId, Locale locale);
}
