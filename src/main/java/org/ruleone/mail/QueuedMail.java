package org.ruleone.mail;

/**
 * A mail the outbox holds.
 *
 * @param id        the outbox entry
 * @param messageId the Message-ID it is (or will be) sent with, angle brackets included
 */
public record QueuedMail(long id, String messageId) {
}
