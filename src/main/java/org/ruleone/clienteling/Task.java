package org.ruleone.clienteling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.ruleone.shared.IllegalTransitionException;

/**
 * One task, as a list shows it and as its status changes: OPEN, then DONE or SKIPPED by a person, and OPEN again
 * when they undo it. The status changes only through {@link #close} and {@link #reopen}, each refusing a move from
 * the wrong status; the caller saves the result guarded by the status it started from
 * ({@code TaskRecords#save}), so of two people closing the same task only one wins.
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

    /**
     * Marks the open task done or skipped.
     *
     * @throws IllegalArgumentException   when the outcome is not DONE or SKIPPED
     * @throws IllegalTransitionException when the task is not open
     */
    public Task close(TaskStatus outcome, long by, Instant at, String note) {
        Objects.requireNonNull(at, "at");
        if (outcome != TaskStatus.DONE && outcome != TaskStatus.SKIPPED) {
            throw new IllegalArgumentException("Closing needs DONE or SKIPPED, not " + outcome);
        }
        if (!open()) {
            throw new IllegalTransitionException("Task " + id, status, "be closed");
        }
        return new Task(id, storeId, associateId, customerId, customerName, kind, title, dueOn, occursOn,
                otherStoreId, outcome, createdAt, at, by, note == null ? "" : note, occasion);
    }

    /**
     * Opens a done or skipped task again (a mistaken tap).
     *
     * @throws IllegalTransitionException when the task is open
     */
    public Task reopen() {
        if (open()) {
            throw new IllegalTransitionException("Task " + id, status, "be reopened");
        }
        return new Task(id, storeId, associateId, customerId, customerName, kind, title, dueOn, occursOn,
                otherStoreId, TaskStatus.OPEN, createdAt, null, null, "", occasion);
    }

    /**
     * What closing this task tells other modules.
     *
     * @throws IllegalStateException when the task is open
     */
    public TaskClosed closed() {
        if (open()) {
            throw new IllegalStateException("Task " + id + " is open");
        }
        return new TaskClosed(id, storeId, customerId, kind, status, closedBy, closedAt, itemRequestId());
    }
}
