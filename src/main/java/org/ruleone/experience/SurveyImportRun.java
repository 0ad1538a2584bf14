package org.ruleone.experience;

import java.time.Instant;

/**
 * One import of survey results, as the screens and the shell show it.
 *
 * @param storeId         the store chosen for rows that name none
 * @param rowsRead        data rows in the file (the header and blank lines not counted)
 * @param rowsImported    answers this run added
 * @param rowsSkipped     good rows already imported (the same external id in the same store)
 * @param rowsRejected    rows not imported; see the rejected rows for line and reason
 * @param invoicesTied    good rows whose invoice the store has (the answer then names that purchase's client when
 *                        the row names none)
 * @param invoicesUnknown good rows naming an invoice the store does not have (kept on the answer as written)
 * @param clientsCreated  clients added to the book for rows naming a client number or e-mail the store did not know
 * @param progress        share of the file read, 0 to 1000
 * @param problem         why the run failed, when it did
 */
public record SurveyImportRun(long id, long storeId, String fileName, SurveyImportStatus status, long rowsRead,
                              long rowsImported, long rowsSkipped, long rowsRejected, long invoicesTied,
                              long invoicesUnknown, long clientsCreated, int progress, String problem,
                              Instant startedAt, Instant finishedAt) {

    /** {@link #problem()} of a run whose every row was rejected (a wrong mapping, date format or encoding). */
    public static final String ALL_ROWS_REJECTED = "all rows rejected";
}
