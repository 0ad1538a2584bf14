package org.ruleone.service;

import java.time.Instant;

/** A case got a new owner ({@code previousOwnerId} null when nobody owned it), by {@code byAssociateId}. */
public record CaseAssigned(long caseId, long storeId, long customerId, Long previousOwnerId, long ownerId,
                           long byAssociateId, Instant at) {
}
