package org.ruleone.standards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The breaches recorded so far, for other modules' reviews and for the lists. */
@Service
public class StandardBreaches {

    private final JdbcClient jdbc;

    StandardBreaches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Breaches since a moment, in one store or (empty scope) all, newest first. */
    public List<Breach> since(Instant since, Optional<Long> store, int limit) {
        return jdbc.sql("""
                select * from standard_breach
                 where breached_at >= :since and (cast(:store as bigint) is null or store_id = :store)
                 order by breached_at desc, id desc limit :limit
                """)
                .param("since", Timestamp.from(since)).param("store", store.orElse(null)).param("limit", limit)
                .query(StandardBreaches::breach).list();
    }

    /**
     * How many breaches each of these stores has had since a moment, counted up to {@code limit} each, in one query;
     * a store without breaches is absent.
     */
    public java.util.Map<Long, Integer> countsSince(Instant since, Collection<Long> stores, int limit) {
        java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
        if (stores.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select s.id, n.n from unnest(cast(:stores as bigint[])) as s(id)
                  cross join lateral (select count(*) as n from (select 1 from standard_breach b
                                       where b.store_id = s.id and b.breached_at >= :since limit :limit) x) n
                 where n.n > 0
                """)
                .param("stores", stores.toArray(Long[]::new)).param("since", Timestamp.from(since))
                .param("limit", limit)
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** Breaches of these cases, oldest first. */
    public List<Breach> ofCases(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from standard_breach where case_id = any(:ids) order by breached_at, id")
                .param("ids", caseIds.toArray(Long[]::new))
                .query(StandardBreaches::breach).list();
    }

    static Breach breach(ResultSet rs, int row) throws SQLException {
        return new Breach(rs.getLong("id"), rs.getLong("store_id"), Standard.valueOf(rs.getString("standard")),
                (Long) rs.getObject("case_id"), (Long) rs.getObject("call_id"), (Long) rs.getObject("associate_id"),
                instant(rs.getTimestamp("due_at")), rs.getTimestamp("breached_at").toInstant(), rs.getString("detail"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
