package org.ruleone.clienteling;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One task as a list shows it.
 *
 * @param associateId  who should do it; {@code null}: anyone in the store
 * @param customerId   the client it is about, if any
 * @param title        free text of a task added by hand; the item for an item to send; empty otherwise
 * @param occursOn     the date the task is about (the birthday, the purchase), when there is one
 * @param otherStoreId for an item to send, the store that asked for it
 * @param occasion     what makes a generated task unique for its client (see the migration); null for a manual task
 */
public record Task(long id, long storeId, Long associateId, Long customerId, String customerName, TaskKind kind,
                   String title, LocalDate dueOn, LocalDate occursOn, Long otherStoreId, TaskStatus status,
                   Instant createdAt, Instant closedAt, Long closedBy, String closedNote, String occasion) {

    /** For an item another store asked for, the catalog's request id. */
    public Long itemRequestId() {
        return kind == TaskKind.SEND_ITEM && occasion != null ? Long.valueOf(occasion) : null;
    }

    public boolean open() {
        return status == TaskStatus.OPEN;
    }

    public boolean overdueOn(LocalDate today) {
        return open() && dueOn.isBefore(today);
    }
}
