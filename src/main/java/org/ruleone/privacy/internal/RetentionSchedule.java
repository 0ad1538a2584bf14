package org.ruleone.privacy.internal;

import java.util.Optional;

import org.ruleone.privacy.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every night, applies the owner's retention rules (ADR 0118). With several nodes, one runs: the one that gets the
 * database lock; the others skip this round (as the upload sweep does).
 */
@Component
public class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final Retention retention;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RetentionSchedule(Retention retention, JdbcClient jdbc, TransactionTemplate transactions) {
        this.retention = retention;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Scheduled(cron = "${ruleone.privacy.retention-cron:0 40 2 * * *}")
    void nightly() {
        runOnce(Optional.empty());
    }

    /** Runs the rules unless another node is running them; returns the run, or empty when it skipped. */
    public Optional<Retention.Run> runOnce(Optional<Long> by) {
        Optional<Retention.Run> run = transactions.execute(tx -> {
            boolean mine = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('ruleone-retention'))")
                    .query(Boolean.class).single());
            return mine ? Optional.of(retention.run(by)) : Optional.<Retention.Run>empty();
        });
        run.filter(r -> r.total() > 0).ifPresent(r -> log.info("Retention run touched {}", r.touched()));
        return run == null ? Optional.empty() : run;
    }
}
