package org.ruleone.service;

import java.time.Instant;

/**
 * Something written on a case: a customer's message, an associate's reply, or an internal note the customer never
 * sees. {@code associateId} is null for the customer; {@code id} is null until the message is saved.
 */
public record CaseMessage(Long id, AuthorKind author, Long associateId, String body, boolean internal,
                          Instant createdAt) {
}
