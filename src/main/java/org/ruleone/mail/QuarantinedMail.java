package org.ruleone.mail;

import java.time.Instant;

/** One entry of the quarantine list, without the mail's bytes. */
public record QuarantinedMail(long id, Instant receivedAt, long size, QuarantineReason reason, String detail,
        int retried) {
}
