package org.ruleone.recognition;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How many heroics were reported, month by month, for other modules' screens (the home dashboard). A heroic counts
 * in the month it happened, once per store one of its heroes worked in when it was reported.
 */
@Service
public class HeroicFigures {

    private final JdbcClient jdbc;

    HeroicFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Heroics that happened between the days given (inclusive), by month; {@code store} empty means every store. */
    public Map<YearMonth, Long> monthly(Optional<Long> store, LocalDate from, LocalDate to) {
        Map<YearMonth, Long> byMonth = new TreeMap<>();
        jdbc.sql("""
                select date_trunc('month', h.happened_on)::date as month, count(distinct h.id) as heroics
                  from heroic h
                 where h.happened_on between :from and :to
                   and (cast(:store as bigint) is null
                        or exists (select 1 from heroic_hero hh where hh.heroic_id = h.id and hh.store_id = :store))
                 group by 1""")
                .param("from", from).param("to", to).param("store", store.orElse(null))
                .query(rs -> {
                    byMonth.put(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("heroics"));
                });
        return byMonth;
    }
}
