package org.ruleone.mailroom.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Message-IDs known per case, the customer's and ours, so an answer finds its case. */
@Repository
public class Threads {

    private final JdbcClient jdbc;
    private final Clock clock;

    Threads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The case of the newest of these ids that is known in the store. */
    public Optional<Long> caseOf(long storeId, List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select case_id from mailroom_thread where store_id = :store and message_id in (:ids)
                 order by created_at desc limit 1
                """)
                .param("store", storeId).param("ids", messageIds).query(Long.class).optional();
    }

    public void remember(long storeId, String messageId, long caseId, boolean outbound) {
        if (messageId == null || messageId.isBlank()) {
            return;
        }
        jdbc.sql("""
                insert into mailroom_thread (store_id, message_id, case_id, outbound, created_at)
                values (:store, :id, :case, :outbound, :now) on conflict do nothing
                """)
                .param("store", storeId).param("id", messageId).param("case", caseId).param("outbound", outbound)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** The case's Message-IDs, oldest first. */
    public List<String> thread(long caseId) {
        return jdbc.sql("select message_id from mailroom_thread where case_id = :case order by created_at, message_id")
                .param("case", caseId).query(String.class).list();
    }

    /** The customer's latest Message-ID in the case, if they ever wrote by e-mail. */
    public Optional<String> lastFromCustomer(long caseId) {
        return jdbc.sql("""
                select message_id from mailroom_thread where case_id = :case and not outbound
                 order by created_at desc limit 1
                """)
                .param("case", caseId).query(String.class).optional();
    }
}
