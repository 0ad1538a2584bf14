package org.ruleone.clienteling;

/**
 * Counts of one associate's tasks in a store ({@code associateId} null: the tasks for anyone in the store).
 *
 * @param doneRecently    done (and skippedRecently: skipped) in the last 30 days
 */
public record TaskCounts(Long associateId, int open, int overdue, int dueToday, int doneRecently,
                         int skippedRecently) {
}
