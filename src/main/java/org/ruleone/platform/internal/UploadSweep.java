package org.ruleone.platform.internal;

import org.ruleone.platform.Uploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every hour, deletes the uploads nobody imported within a day. With several nodes sharing the uploads folder, one
 * node sweeps at a time: the one that gets the database lock; the others skip this round.
 */
@Component
class UploadSweep {

    private static final Logger log = LoggerFactory.getLogger(UploadSweep.class);

    private final Uploads uploads;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    UploadSweep(Uploads uploads, JdbcClient jdbc, TransactionTemplate transactions) {
        this.uploads = uploads;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Scheduled(cron = "${ruleone.uploads.sweep-cron:0 17 * * * *}")
    void sweep() {
        sweepOnce();
    }

    /** Sweeps unless another node is sweeping; returns how many files were deleted, or -1 when it skipped. */
    int sweepOnce() {
        Integer deleted = transactions.execute(tx -> {
            boolean mine = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('ruleone-upload-sweep'))")
                    .query(Boolean.class).single());
            return mine ? uploads.sweep() : -1;
        });
        if (deleted != null && deleted > 0) {
            log.info("Deleted {} uploads nobody imported within {}", deleted, Uploads.UNUSED_FOR);
        }
        return deleted == null ? -1 : deleted;
    }
}
