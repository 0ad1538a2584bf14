package org.ruleone.service;

import java.math.BigDecimal;
import java.time.Instant;

/** An associate resolved a case, spending {@code cost} on the customer for the reason in {@code judgment}. */
public record CaseResolved(long caseId, long storeId, long customerId, long associateId, ResolutionKind kind,
                           BigDecimal cost, String currency, String judgment, Instant resolvedAt) {
}
