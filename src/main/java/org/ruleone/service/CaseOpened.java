package org.ruleone.service;

import java.time.Instant;

import org.ruleone.shared.Language;

/** A customer's problem or request became a case. */
public record CaseOpened(long caseId, long storeId, long customerId, Long ownerId, Channel channel, String subject,
                         Language language, Instant openedAt) {
}
