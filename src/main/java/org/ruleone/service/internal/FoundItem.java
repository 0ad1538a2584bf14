package org.ruleone.service.internal;

import java.time.Instant;

/** Something found in a store; {@code claimedCaseId} is set once its owner got it back through a case. */
public record FoundItem(long id, long storeId, String what, String description, String foundWhere, Instant foundAt,
                        String foundBy, long loggedBy, Instant loggedAt, Long claimedCaseId, Instant claimedAt) {
}
