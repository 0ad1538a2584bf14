package org.ruleone.clienteling;

import java.time.Instant;

/**
 * A person marked a task done or skipped.
 *
 * @param itemRequestId for an item another store asked for ({@link TaskKind#SEND_ITEM}), the catalog's request id;
 *                      {@code null} otherwise
 */
public record TaskClosed(long taskId, long storeId, Long customerId, TaskKind kind, TaskStatus status, long closedBy,
                         Instant at, Long itemRequestId) {
}
