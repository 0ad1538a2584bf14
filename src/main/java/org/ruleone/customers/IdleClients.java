package org.ruleone.customers;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The clients the idle-clients retention rule (ADR 0118) would erase: in the book before the cut-off, not erased, no
 * consent recorded since, and no module's {@link ClientActivity} since. Oldest first.
 */
@Service
public class IdleClients {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final ObjectProvider<ClientActivity> activities;

    IdleClients(JdbcClient jdbc, ObjectProvider<ClientActivity> activities) {
        this.jdbc = jdbc;
        this.activities = activities;
    }

    /** The ids of the idle clients, oldest first. */
    public List<Long> since(Instant cutOff) {
        List<Long> quiet = jdbc.sql("""
                        select c.id from customer c
                         where c.erased_at is null and c.created_at < :cutOff
                           and not exists (select 1 from consent k where k.customer_id = c.id and k.recorded_at >= :cutOff)
                         order by c.id
                        """)
                .param("cutOff", java.sql.Timestamp.from(cutOff)).query(Long.class).list();
        Set<Long> active = new HashSet<>();
        for (int from = 0; from < quiet.size(); from += CHUNK) {
            Collection<Long> chunk = quiet.subList(from, Math.min(quiet.size(), from + CHUNK));
            activities.orderedStream().forEach(a -> active.addAll(a.activeSince(chunk, cutOff)));
        }
        return quiet.stream().filter(id -> !active.contains(id)).toList();
    }
}
