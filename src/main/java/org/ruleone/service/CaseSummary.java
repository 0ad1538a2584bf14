package org.ruleone.service;

import java.time.Instant;

import org.ruleone.shared.Language;

/** A case as a list shows it. */
public record CaseSummary(long id, long storeId, long customerId, Long ownerId, Channel channel, String subject,
                          Language language, CaseStatus status, Instant openedAt, Instant firstResponseAt,
                          Instant resolvedAt, int timesReopened) {
}
