package org.ruleone.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.customers.RetentionTarget.RetentionRule;
import org.ruleone.privacy.Retention.Run;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The retention rules and the log of runs in the database. */
@Repository
public class RetentionRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RetentionRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The periods set, by rule; a rule off has none. */
    public Map<RetentionRule, Integer> periods() {
        Map<RetentionRule, Integer> periods = new EnumMap<>(RetentionRule.class);
        jdbc.sql("select rule, period from privacy_retention_rule where period is not null")
                .query((rs, n) -> periods.put(RetentionRule.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return periods;
    }

    public void set(RetentionRule rule, Integer period, long by, Instant at) {
        jdbc.sql("""
                        insert into privacy_retention_rule (rule, period, changed_by, changed_at)
                        values (:rule, :period, :by, :at)
                        on conflict (rule) do update
                           set period = excluded.period, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                        """)
                .param("rule", rule.name()).param("period", period).param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    public Run logRun(Instant started, Instant finished, Map<RetentionRule, Long> touched, Long by) {
        Map<String, Long> named = new java.util.LinkedHashMap<>();
        touched.forEach((rule, count) -> named.put(rule.name(), count));
        long id = jdbc.sql("""
                        insert into privacy_retention_run (started_at, finished_at, touched, started_by)
                        values (:started, :finished, cast(:touched as jsonb), :by)
                        returning id
                        """)
                .param("started", Timestamp.from(started)).param("finished", Timestamp.from(finished))
                .param("touched", json.writeValueAsString(named)).param("by", by)
                .query(Long.class).single();
        return new Run(id, started, finished, touched, Optional.ofNullable(by));
    }

    public List<Run> runs(int limit) {
        return jdbc.sql("""
                        select id, started_at, finished_at, touched::text, started_by from privacy_retention_run
                         order by started_at desc, id desc limit :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new Run(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), touched(rs.getString(4)),
                        Optional.ofNullable(rs.getObject(5, Long.class))))
                .list();
    }

    private Map<RetentionRule, Long> touched(String text) {
        Map<String, Long> named = json.readValue(text, new TypeReference<Map<String, Long>>() { });
        Map<RetentionRule, Long> touched = new EnumMap<>(RetentionRule.class);
        named.forEach((rule, count) -> touched.put(RetentionRule.valueOf(rule), count));
        return touched;
    }
}
