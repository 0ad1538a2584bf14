package org.ruleone.service;

import java.time.Instant;

/** The customer added a message to a case; {@code statusBefore} says whether it was waiting or resolved. */
public record CustomerWrote(long caseId, long storeId, long customerId, Long ownerId, CaseStatus statusBefore,
                            Instant at) {
}
