package org.ruleone.purchases;

import java.math.BigDecimal;

/**
 * The figures of one import run.
 *
 * @param rowsRead         data rows in the file (the header not counted)
 * @param rowsImported     lines added by this run
 * @param rowsSkipped      good rows already present (from an earlier import of the same file)
 * @param rowsRejected     rows that could not be read; see the rejected rows for line and reason
 * @param invoices         distinct invoices among the good rows
 * @param customers        distinct customer numbers among the good rows
 * @param cancellationRows rows whose invoice starts with "C"
 * @param returnLines      rows with a negative quantity
 * @param walkInRows       rows with no customer number
 * @param totalAmount      sum of quantity × unit price over the good rows
 * @param problem          why the run failed, when it did
 */
public record ImportSummary(long importId, ImportStatus status, long rowsRead, long rowsImported, long rowsSkipped,
                            long rowsRejected, long invoices, long customers, long cancellationRows, long returnLines,
                            long walkInRows, BigDecimal totalAmount, long millis, String problem) {
}
