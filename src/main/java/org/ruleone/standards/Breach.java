package org.ruleone.standards;

import java.time.Instant;

/** A recorded breach, for lists and reviews. */
public record Breach(long id, long storeId, Standard standard, Long caseId, Long callId, Long associateId,
                     Instant dueAt, Instant breachedAt, String detail) {
}
