package org.ruleone.mail;

import java.time.Instant;

/** What the outbox knows of one mail, for screens and reports. */
public record OutboxEntry(long id, String dedupeKey, Long storeId, String messageId, String to, String subject,
                          OutboxStatus status, int attempts, String lastError, Instant createdAt, Instant sentAt) {
}
