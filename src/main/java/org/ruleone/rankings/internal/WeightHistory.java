package org.ruleone.rankings.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.ruleone.rankings.Component;
import org.ruleone.rankings.Period;
import org.ruleone.rankings.WeightChange;
import org.ruleone.rankings.Weights;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The owner's weights, every change kept with the month it applies from (ADR 0111). */
@org.springframework.stereotype.Component
public class WeightHistory {

    private final JdbcClient jdbc;

    private final RankingCache cache;

    WeightHistory(JdbcClient jdbc, RankingCache cache) {
        this.cache = cache;
        this.jdbc = jdbc;
    }

    /** The newest weights whose first month is on or before the period's first month; the defaults before any. */
    public Weights inForce(Period period) {
        return jdbc.sql("""
                select * from rankings_weights where effective_from <= :first
                 order by effective_from desc, id desc limit 1
                """).param("first", Date.valueOf(period.from()))
                .query((rs, n) -> weights(rs)).optional().orElse(Weights.DEFAULTS);
    }

    public void record(Weights weights, YearMonth effectiveFrom, long by, Instant at) {
        cache.changed();
        jdbc.sql("""
                insert into rankings_weights (effective_from, experience, heroics, mystery, came_back, standards,
                                              training, sales, changed_by, changed_at)
                values (:from, :experience, :heroics, :mystery, :cameBack, :standards, :training, :sales, :by, :at)
                """).param("from", Date.valueOf(effectiveFrom.atDay(1)))
                .param("experience", weights.of(Component.EXPERIENCE)).param("heroics", weights.of(Component.HEROICS))
                .param("mystery", weights.of(Component.MYSTERY)).param("cameBack", weights.of(Component.CAME_BACK))
                .param("standards", weights.of(Component.STANDARDS))
                .param("training", weights.of(Component.TRAINING)).param("sales", weights.of(Component.SALES))
                .param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    /** Every change, newest first, with the name of who made it. */
    public List<WeightChange> changes() {
        return jdbc.sql("""
                select w.*, coalesce(a.name, '') as changed_by_name
                  from rankings_weights w left join associate_directory a on a.id = w.changed_by
                 order by w.changed_at desc, w.id desc
                """)
                .query((rs, n) -> new WeightChange(YearMonth.from(rs.getDate("effective_from").toLocalDate()),
                        weights(rs), rs.getString("changed_by_name"), rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    private static Weights weights(ResultSet rs) throws SQLException {
        return new Weights(Map.of(Component.EXPERIENCE, rs.getInt("experience"),
                Component.HEROICS, rs.getInt("heroics"), Component.MYSTERY, rs.getInt("mystery"),
                Component.CAME_BACK, rs.getInt("came_back"), Component.STANDARDS, rs.getInt("standards"),
                Component.TRAINING, rs.getInt("training"), Component.SALES, rs.getInt("sales")));
    }
}
