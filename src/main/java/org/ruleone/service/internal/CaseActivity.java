package org.ruleone.service.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.ruleone.customers.ClientActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A case still open, or opened, resolved or written in since the cut-off, keeps a client from the idle-clients rule
 * (ADR 0118).
 */
@Component
class CaseActivity implements ClientActivity {

    private final JdbcClient jdbc;

    CaseActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> activeSince(Collection<Long> clientIds, Instant since) {
        if (clientIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select distinct c.customer_id from service_case c
                         where c.customer_id in (:clients)
                           and (c.status <> 'RESOLVED' or c.opened_at >= :since or c.resolved_at >= :since
                                or exists (select 1 from case_message m where m.case_id = c.id and m.created_at >= :since))
                        """)
                .param("clients", clientIds).param("since", Timestamp.from(since)).query(Long.class).list());
    }
}
