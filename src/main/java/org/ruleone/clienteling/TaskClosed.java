package org.ruleone.clienteling;

import java.time.Instant;

/** A person marked a task done or skipped. */
public record TaskClosed(long taskId, long storeId, Long customerId, TaskKind kind, TaskStatus status, long closedBy,
                         Instant at) {
}
