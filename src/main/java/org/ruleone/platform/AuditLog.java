package org.ruleone.platform;

import java.time.Clock;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Append-only record of security-relevant events (sign-ins, failures, account changes). */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    public AuditLog(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    public void record(String kind, String principal, String remoteAddr, Map<String, ?> details) {
        jdbc.sql("""
                insert into audit_event (occurred_at, kind, principal, remote_addr, details)
                values (:at, :kind, :principal, :addr, cast(:details as jsonb))
                """)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("kind", kind)
                .param("principal", principal)
                .param("addr", remoteAddr)
                .param("details", json.writeValueAsString(details))
                .update();
    }

    public java.util.List<AuditEntry> recent(int limit) {
        return jdbc.sql("""
                select occurred_at, kind, principal, remote_addr, details::text as details
                  from audit_event order by id desc limit :limit
                """)
                .param("limit", limit)
                .query((rs, n) -> new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /**
     * Replaces what matches a PostgreSQL regular expression in the events' details with the replacement (an erased
     * client's identifiers by their pseudonym, ADR 0117); returns how many events changed.
     */
    public int forget(String pattern, String replacement) {
        return jdbc.sql("""
                update audit_event set details = regexp_replace(details::text, :pattern, :with, 'gi')::jsonb
                 where details::text ~* :pattern
                """)
                .param("pattern", pattern).param("with", replacement)
                .update();
    }

    public record AuditEntry(java.time.Instant occurredAt, String kind, String principal, String remoteAddr,
                             String details) {
    }
}
