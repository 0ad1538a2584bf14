package org.ruleone.mail;

import java.util.List;

/**
 * The SMTP server accepted these mails from the outbox: one event per batch the sender marked sent in one
 * transaction (ADR 0123), so a listener does its bookkeeping for the batch at once, not once per mail.
 */
public record MailsSent(List<MailSent> mails) {

    public MailsSent {
        mails = List.copyOf(mails);
    }
}
