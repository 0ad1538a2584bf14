package org.ruleone.rankings.internal;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.ruleone.rankings.Component;
import org.ruleone.rankings.Period;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the projections into each associate's measures for a period (ADR 0110). A fact belongs to the period by the
 * local day of the store it happened in; a heroic by the day it happened.
 */
@org.springframework.stereotype.Component
public class Facts {

    private final JdbcClient jdbc;

    Facts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The measures of these associates in the period, by associate.
     *
     * @param storeOf each associate's store, for the mystery visits of their store (an owner has none)
     */
    public Map<Long, Map<Component, Measure>> of(Map<Long, Long> storeOf, Period period) {
        Map<Long, Map<Component, Measure>> measures = new HashMap<>();
        storeOf.keySet().forEach(id -> measures.put(id, new EnumMap<>(Component.class)));
        if (storeOf.isEmpty()) {
            return measures;
        }
        Long[] ids = storeOf.keySet().toArray(Long[]::new);
        LocalDateTime from = period.from().atStartOfDay();
        LocalDateTime until = period.until().atStartOfDay();
        inPeriod("""
                select r.associate_id, count(*) filter (where r.happy), count(r.happy)
                  from rankings_survey r join store_directory s on s.id = r.store_id
                 where r.associate_id = any(:ids)
                   and (r.answered_at at time zone s.time_zone) >= :from and (r.answered_at at time zone s.time_zone) < :until
                 group by r.associate_id
                """, ids, from, until, rs -> put(measures, rs.getLong(1), Component.EXPERIENCE,
                        Measure.share(rs.getLong(2), rs.getLong(3))));
        jdbc.sql("""
                select associate_id, count(*) from rankings_heroic
                 where associate_id = any(:ids) and happened_on >= :from and happened_on < :until
                 group by associate_id
                """).param("ids", ids).param("from", period.from()).param("until", period.until())
                .query((RowCallbackHandler) rs -> put(measures, rs.getLong(1), Component.HEROICS, Measure.total(rs.getLong(2))));
        Map<Long, Measure> mystery = new HashMap<>();
        jdbc.sql("""
                select m.store_id, avg(m.percent) / 100, count(*)
                  from rankings_mystery m join store_directory s on s.id = m.store_id
                 where m.store_id = any(:stores)
                   and (m.visited_at at time zone s.time_zone) >= :from and (m.visited_at at time zone s.time_zone) < :until
                 group by m.store_id
                """).param("stores", storeOf.values().stream().filter(java.util.Objects::nonNull).distinct()
                        .toArray(Long[]::new))
                .param("from", from).param("until", until)
                .query((RowCallbackHandler) rs -> mystery.put(rs.getLong(1), Measure.mean(rs.getDouble(2), rs.getLong(3))));
        storeOf.forEach((associate, store) -> {
            if (store != null && mystery.containsKey(store)) {
                put(measures, associate, Component.MYSTERY, mystery.get(store));
            }
        });
        inPeriod("""
                with contact as (
                    select associate_id, customer_id, store_id, answered_at as at from rankings_survey
                     where associate_id = any(:ids) and customer_id is not null
                    union all
                    select associate_id, customer_id, store_id, resolved_at from rankings_resolution
                     where associate_id = any(:ids)
                ), served as (
                    select c.associate_id, c.customer_id, min(c.at) as first_at, min(s.time_zone) as zone
                      from contact c join store_directory s on s.id = c.store_id
                     where (c.at at time zone s.time_zone) >= :from and (c.at at time zone s.time_zone) < :until
                     group by c.associate_id, c.customer_id
                )
                select v.associate_id,
                       count(*) filter (where exists (
                           select 1 from rankings_purchase p
                            where p.customer_id = v.customer_id and not p.is_return and p.purchased_at > v.first_at
                              and (p.purchased_at at time zone v.zone) < :until)),
                       count(*)
                  from served v group by v.associate_id
                """, ids, from, until, rs -> put(measures, rs.getLong(1), Component.CAME_BACK,
                        Measure.share(rs.getLong(2), rs.getLong(3))));
        inPeriod("""
                select r.associate_id,
                       count(*) filter (where not exists (
                           select 1 from rankings_breach b where b.case_id = r.case_id and b.breached_at <= r.resolved_at)),
                       count(*)
                  from rankings_resolution r join store_directory s on s.id = r.store_id
                 where r.associate_id = any(:ids)
                   and (r.resolved_at at time zone s.time_zone) >= :from and (r.resolved_at at time zone s.time_zone) < :until
                 group by r.associate_id
                """, ids, from, until, rs -> put(measures, rs.getLong(1), Component.STANDARDS,
                        Measure.share(rs.getLong(2), rs.getLong(3))));
        inPeriod("""
                select f.associate_id, avg((f.mean_score - 1) / 4), count(*)
                  from rankings_feedback f join store_directory s on s.id = f.store_id
                 where f.associate_id = any(:ids)
                   and (f.given_at at time zone s.time_zone) >= :from and (f.given_at at time zone s.time_zone) < :until
                 group by f.associate_id
                """, ids, from, until, rs -> put(measures, rs.getLong(1), Component.TRAINING,
                        Measure.mean(rs.getDouble(2), rs.getLong(3))));
        inPeriod("""
                select p.associate_id, sum(p.total)
                  from rankings_purchase p join store_directory s on s.id = p.store_id
                 where p.associate_id = any(:ids)
                   and (p.purchased_at at time zone s.time_zone) >= :from and (p.purchased_at at time zone s.time_zone) < :until
                 group by p.associate_id
                """, ids, from, until, rs -> put(measures, rs.getLong(1), Component.SALES, Measure.total(rs.getDouble(2))));
        return measures;
    }

    /** A query per associate over the facts of the period, in the local time of each fact's store. */
    private void inPeriod(String sql, Long[] ids, LocalDateTime from, LocalDateTime until, RowCallbackHandler rows) {
        jdbc.sql(sql).param("ids", ids).param("from", from).param("until", until).query(rows);
    }

    private static void put(Map<Long, Map<Component, Measure>> measures, long associate, Component c, Measure m) {
        measures.computeIfAbsent(associate, a -> new EnumMap<>(Component.class)).put(c, m);
    }
}
