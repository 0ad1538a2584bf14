package org.ruleone.service;

import java.time.Instant;

/** An alteration order moved on: it is ready for the customer, or the customer collected it. */
public record AlterationProgressed(long caseId, long storeId, long customerId, long resolutionId,
                                   Instant promisedAt, AlterationStatus status, Long associateId, Instant at) {
}
