package org.ruleone.mailroom.internal;

import java.time.Instant;

import org.ruleone.customers.RetentionTarget;
import org.ruleone.mail.PersonalMail;
import org.springframework.stereotype.Component;

/** Mail the mailroom could not read, kept whole for a retry, goes after the owner's period (ADR 0118). */
@Component
class QuarantineRetention implements RetentionTarget {

    private final PersonalMail mail;

    QuarantineRetention(PersonalMail mail) {
        this.mail = mail;
    }

    @Override
    public RetentionRule rule() {
        return RetentionRule.QUARANTINED_MAIL;
    }

    @Override
    public Touched preview(Instant cutOff, int sample) {
        return new Touched(mail.countQuarantinedBefore(cutOff), mail.quarantinedBefore(cutOff, sample));
    }

    @Override
    public int apply(Instant cutOff) {
        return mail.deleteQuarantinedBefore(cutOff);
    }
}
