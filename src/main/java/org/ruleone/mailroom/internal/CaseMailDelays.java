package org.ruleone.mailroom.internal;

import java.util.Locale;
import java.util.Optional;

import org.ruleone.mail.Outbox;
import org.ruleone.service.ReplyMailDelays;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Tells the case page when the replies of a case wait in the outbox and the outbox is not sending. */
@Component
class CaseMailDelays implements ReplyMailDelays {

    private final Outbox outbox;
    private final MessageSource messages;

    CaseMailDelays(Outbox outbox, MessageSource messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    @Override
    public Optional<String> delay(long caseId, Locale locale) {
        if (outbox.waiting(CaseMailer.REPLY_KEY_PREFIX + caseId + ":") == 0) {
            return Optional.empty();
        }
        return outbox.health().warning().map(words -> messages.getMessage(words, locale));
    }
}
