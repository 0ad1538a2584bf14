package org.ruleone.purchases;

import java.time.Instant;

/**
 * One import run as the history and progress screens show it.
 *
 * @param progress share of the work done, 0 to 1000
 * @param summary  the figures, once the run has finished (else {@code null})
 */
public record ImportRun(long id, long storeId, String fileName, ImportStatus status, boolean allOrNothing,
                        long rowsRead, long rowsImported, long rowsSkipped, long rowsRejected, int progress,
                        Instant startedAt, Instant finishedAt, ImportSummary summary) {
}
