package org.ruleone.service;

import java.time.Instant;

import org.ruleone.shared.Money;

/** An associate resolved a case, spending {@code cost} on the customer for the reason in {@code judgment}. */
public record CaseResolved(long caseId, long storeId, long customerId, long associateId, ResolutionKind kind,
                           Money cost, String judgment, Instant resolvedAt) {
}
