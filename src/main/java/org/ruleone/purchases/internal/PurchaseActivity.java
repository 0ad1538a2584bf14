package org.ruleone.purchases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.ruleone.customers.ClientActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A purchase (or return) since the cut-off keeps a client from the idle-clients retention rule (ADR 0118). */
@Component
class PurchaseActivity implements ClientActivity {

    private final JdbcClient jdbc;

    PurchaseActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> activeSince(Collection<Long> clientIds, Instant since) {
        if (clientIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select distinct customer_id from purchase
                         where customer_id in (:clients) and purchased_at >= :since
                        """)
                .param("clients", clientIds).param("since", Timestamp.from(since)).query(Long.class).list());
    }
}
