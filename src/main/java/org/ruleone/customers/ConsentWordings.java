package org.ruleone.customers;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The consent wordings clients were shown over time, as the proof kept them (each decision keeps the exact text):
 * for the records of processing (issue 15). Names no client.
 */
@Service
public class ConsentWordings {

    /** One wording, for one channel and decision, and when it was first and last recorded, how many times. */
    public record Wording(ConsentChannel channel, boolean granted, String wording, Instant firstRecorded,
                          Instant lastRecorded, long decisions) {
    }

    private final JdbcClient jdbc;

    ConsentWordings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every wording ever recorded, by channel, grants before withdrawals, oldest first. */
    public List<Wording> overTime() {
        return jdbc.sql("""
                select channel, granted, wording, min(recorded_at) as first_at, max(recorded_at) as last_at,
                       count(*) as decisions
                  from consent group by channel, granted, wording
                 order by channel, granted desc, min(recorded_at)
                """)
                .query((rs, n) -> new Wording(ConsentChannel.valueOf(rs.getString("channel")),
                        rs.getBoolean("granted"), rs.getString("wording"), rs.getTimestamp("first_at").toInstant(),
                        rs.getTimestamp("last_at").toInstant(), rs.getLong("decisions")))
                .list();
    }
}
