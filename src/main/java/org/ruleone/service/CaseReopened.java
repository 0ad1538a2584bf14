package org.ruleone.service;

import java.time.Instant;

/**
 * A resolved case was opened again, by an associate ({@code associateId}) or by the customer writing again
 * ({@code associateId} null). {@code timesReopened} counts this one.
 */
public record CaseReopened(long caseId, long storeId, long customerId, Long associateId, int timesReopened,
                           Instant at) {
}
