package org.ruleone.standards.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ruleone.service.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The case_clock table. */
@Repository
public class CaseClocks {

    private final JdbcClient jdbc;

    CaseClocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseClock> find(long caseId) {
        return jdbc.sql("select * from case_clock where case_id = :id").param("id", caseId)
                .query(CaseClocks::clock).optional();
    }

    /** Locks the row for a change. */
    Optional<CaseClock> lock(long caseId) {
        return jdbc.sql("select * from case_clock where case_id = :id for update").param("id", caseId)
                .query(CaseClocks::clock).optional();
    }

    boolean insert(CaseClock c) {
        return jdbc.sql("""
                insert into case_clock (case_id, store_id, customer_id, channel, owner_id, opened_at,
                       first_response_allowed, first_response_due, resolution_started_at, resolution_allowed,
                       resolution_due)
                values (:id, :store, :customer, :channel, :owner, :opened, :firstAllowed, :firstDue, :opened,
                        :resolutionAllowed, :resolutionDue)
                on conflict (case_id) do nothing
                """)
                .param("id", c.caseId()).param("store", c.storeId()).param("customer", c.customerId())
                .param("channel", c.channel().name()).param("owner", c.ownerId())
                .param("opened", ts(c.openedAt())).param("firstAllowed", c.firstResponseAllowed())
                .param("firstDue", ts(c.firstResponseDue())).param("resolutionAllowed", c.resolutionAllowed())
                .param("resolutionDue", ts(c.resolutionDue()))
                .update() == 1;
    }

    void update(CaseClock c) {
        jdbc.sql("""
                update case_clock set owner_id = :owner, first_response_at = :firstAt, first_responder_id = :firstBy,
                       resolution_started_at = :started, resolution_due = :resolutionDue, resolved_at = :resolvedAt,
                       resolver_id = :resolvedBy, waiting_since = :waiting
                 where case_id = :id
                """)
                .param("id", c.caseId()).param("owner", c.ownerId()).param("firstAt", ts(c.firstResponseAt()))
                .param("firstBy", c.firstResponderId()).param("started", ts(c.resolutionStartedAt()))
                .param("resolutionDue", ts(c.resolutionDue())).param("resolvedAt", ts(c.resolvedAt()))
                .param("resolvedBy", c.resolverId()).param("waiting", ts(c.waitingSince()))
                .update();
    }

    /** Open due times (first response not given or case not resolved) in one store or all. */
    public List<CaseClock> running(Optional<Long> store, int limit) {
        return jdbc.sql("""
                select * from case_clock
                 where (first_response_at is null or resolved_at is null)
                   and (cast(:store as bigint) is null or store_id = :store)
                 order by least(case when first_response_at is null then first_response_due end,
                                case when resolved_at is null then resolution_due end)
                 limit :limit
                """)
                .param("store", store.orElse(null)).param("limit", limit)
                .query(CaseClocks::clock).list();
    }

    /** Cases opened since a moment, in one store or all. */
    public List<CaseClock> openedSince(Instant since, Optional<Long> store) {
        return jdbc.sql("""
                select * from case_clock where opened_at >= :since
                   and (cast(:store as bigint) is null or store_id = :store)
                """)
                .param("since", ts(since)).param("store", store.orElse(null))
                .query(CaseClocks::clock).list();
    }

    /** Clocks whose first response is overdue with no breach recorded yet. */
    List<CaseClock> overdueFirstResponses(Instant now) {
        return jdbc.sql("""
                select c.* from case_clock c
                 where c.first_response_at is null and c.first_response_due < :now
                   and not exists (select 1 from standard_breach b
                                    where b.case_id = c.case_id and b.standard = 'FIRST_RESPONSE')
                """)
                .param("now", ts(now)).query(CaseClocks::clock).list();
    }

    /** Clocks whose resolution is overdue (and not paused) with no breach recorded yet. */
    List<CaseClock> overdueResolutions(Instant now) {
        return jdbc.sql("""
                select c.* from case_clock c
                 where c.resolved_at is null and c.waiting_since is null and c.resolution_due < :now
                   and not exists (select 1 from standard_breach b
                                    where b.case_id = c.case_id and b.standard = 'RESOLUTION')
                """)
                .param("now", ts(now)).query(CaseClocks::clock).list();
    }

    static CaseClock clock(ResultSet rs, int row) throws SQLException {
        return new CaseClock(rs.getLong("case_id"), rs.getLong("store_id"), rs.getLong("customer_id"),
                Channel.valueOf(rs.getString("channel")), (Long) rs.getObject("owner_id"),
                instant(rs, "opened_at"), rs.getInt("first_response_allowed"), instant(rs, "first_response_due"),
                instant(rs, "first_response_at"), (Long) rs.getObject("first_responder_id"),
                instant(rs, "resolution_started_at"), rs.getInt("resolution_allowed"), instant(rs, "resolution_due"),
                instant(rs, "resolved_at"), (Long) rs.getObject("resolver_id"), instant(rs, "waiting_since"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
