package org.ruleone.mail;

import java.time.Instant;

/** The SMTP server accepted a mail from the outbox; announced within a {@link MailsSent} batch. */
public record MailSent(long outboxId, String dedupeKey, String messageId, Long storeId, String to, Instant sentAt) {
}
