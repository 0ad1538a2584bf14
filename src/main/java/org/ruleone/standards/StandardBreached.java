package org.ruleone.standards;

import java.time.Instant;

/**
 * A due time was missed: once per case and standard, or once per phone call. {@code associateId} is who had the
 * case (or answered the call) when it happened, or {@code null}; {@code dueAt} is null for a call.
 */
public record StandardBreached(long breachId, long storeId, Standard standard, Long caseId, Long callId,
                               Long associateId, Instant dueAt, Instant breachedAt) {
}
