package org.ruleone.experience;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads mystery visits, and moves one along its lifecycle ({@link MysteryVisitStatus}) with a guard on the status it
 * was read in, so two managers acting at once move it once.
 */
@Component
public class MysteryVisits {

    static final String COLUMNS = """
            id, store_id, department, target_kind, business_name, window_from, window_to, scenario,
            checklist_version_id, shopper_id, status, expires_at, scheduled_by, scheduled_at, visited_at, stood_out,
            submitted_at, return_question, returned_at, accepted_at, accepted_by, earned, possible, score, flagged,
            reward_kind, reward_amount, reward_currency, reward_gift, reward_paid_at, reward_paid_by, updated_at
            """;

    private final JdbcClient jdbc;

    MysteryVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MysteryVisit> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from mystery_visit where id = :id").param("id", id)
                .query((rs, n) -> read(rs)).optional();
    }

    /** The visit, if it is in one of these stores (empty scope: every store, for the owner). */
    public Optional<MysteryVisit> find(long id, Optional<Long> storeScope) {
        return find(id).filter(v -> storeScope.isEmpty() || storeScope.get() == v.storeId());
    }

    /**
     * Moves the visit from one status to the next if it is still in the first; false when someone else moved it
     * first. {@code IllegalStateException} if the move is not one the lifecycle allows.
     */
    public boolean move(long id, MysteryVisitStatus from, MysteryVisitStatus to, Instant at) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("a visit does not move from " + from + " to " + to);
        }
        return jdbc.sql("update mystery_visit set status = :to, updated_at = :at where id = :id and status = :from")
                .param("to", to.name()).param("from", from.name()).param("id", id).param("at", Timestamp.from(at))
                .update() == 1;
    }

    public static MysteryVisit read(ResultSet rs) throws SQLException {
        return new MysteryVisit(rs.getLong("id"), rs.getLong("store_id"), rs.getString("department"),
                rs.getString("target_kind"), rs.getString("business_name"),
                rs.getDate("window_from").toLocalDate(), rs.getDate("window_to").toLocalDate(),
                rs.getString("scenario"), rs.getLong("checklist_version_id"), rs.getLong("shopper_id"),
                MysteryVisitStatus.valueOf(rs.getString("status")), instant(rs, "expires_at"),
                rs.getLong("scheduled_by"), instant(rs, "scheduled_at"), instant(rs, "visited_at"),
                rs.getString("stood_out"), instant(rs, "submitted_at"), rs.getString("return_question"),
                instant(rs, "returned_at"), instant(rs, "accepted_at"), (Long) rs.getObject("accepted_by"),
                rs.getBigDecimal("earned"), rs.getBigDecimal("possible"), rs.getBigDecimal("score"),
                rs.getBoolean("flagged"), rs.getString("reward_kind"), rs.getBigDecimal("reward_amount"),
                rs.getString("reward_currency"), rs.getString("reward_gift"), instant(rs, "reward_paid_at"),
                (Long) rs.getObject("reward_paid_by"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
