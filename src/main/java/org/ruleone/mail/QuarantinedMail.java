package org.ruleone.mail;

import java.time.Instant;

/**
 * One entry of the quarantine list, without the mail's bytes.
 *
 * @param storeId     the store whose mailbox the mail came from, or null
 * @param processedAt when a retry read and routed it, or null while it waits
 */
public record QuarantinedMail(long id, Instant receivedAt, long size, QuarantineReason reason, String detail,
        int retried, Long storeId, Instant processedAt) {
}
