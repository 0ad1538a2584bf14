package org.ruleone.customers.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the +1/-1 rows the e-mail reach counts collect (V155, ADR 0122) into one row per store and state, so reading
 * them stays a sum over a few hundred rows. Safe beside writers and on several nodes at once: each run deletes the rows
 * it sees and writes back their sum in one statement; rows committed meanwhile are left for the next run.
 */
@Component
class EmailReachCompaction {

    private final JdbcClient jdbc;

    EmailReachCompaction(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${ruleone.customers.reach-compaction-every:PT10M}", initialDelayString = "PT2M")
    void compact() {
        jdbc.sql("""
                with gone as (delete from customer_email_reach_delta returning store_id, state, n)
                insert into customer_email_reach_delta (store_id, state, n)
                select store_id, state, sum(n) from gone group by store_id, state having sum(n) <> 0
                """).update();
    }
}
