package org.ruleone.purchases;

import java.math.BigDecimal;

/**
 * The figures of one import run.
 *
 * @param rowsRead         data rows in the file (the header not counted)
 * @param rowsImported     lines added by this run
 * @param rowsSkipped      good rows already present (from an earlier import of the same file)
 * @param rowsRejected     rows that could not be read; see the rejected rows for line and reason
 * @param invoices         distinct invoices among the good rows (in the file, whether new or not)
 * @param customers        distinct customer numbers among the good rows (in the file, whether new or not)
 * @param invoicesAdded    purchases (invoices) this run added to the store
 * @param customersCreated clients this run created in the store
 * @param cancellationRows rows the mapping marks as returns (an invoice prefix such as "C", or a return column)
 * @param returnLines      rows with a negative quantity (as read, or made negative by a return mark)
 * @param walkInRows       rows with no customer number
 * @param totalAmount      sum of quantity × unit price over the good rows
 * @param problem          why the run failed, when it did
 */
public record ImportSummary(long importId, ImportStatus status, long rowsRead, long rowsImported, long rowsSkipped,
                            long rowsRejected, long invoices, long customers, long invoicesAdded,
                            long customersCreated, long cancellationRows, long returnLines,
                            long walkInRows, BigDecimal totalAmount, long millis, String problem) {

    /** {@link #problem()} of an all-or-nothing run that met a bad row. */
    public static final String REJECTED_ROWS = "rejected rows";
    /** {@link #problem()} of a run whose every row was rejected (a wrong file, preset or format). */
    public static final String ALL_ROWS_REJECTED = "all rows rejected";
}
