package org.ruleone.mailroom.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mail skipped because the store had already filed it, kept so the mail screen can say where the first copy went. */
@Repository
public class Duplicates {

    /**
     * One skipped mail.
     *
     * @param caseId the case the first copy opened or joined, or null when it opened none (a bounce, an
     *               auto-reply, a quarantined mail)
     * @param firstOutcome what became of the first copy, an {@link InboundRouter.Outcome} name
     */
    public record Skipped(long id, Instant receivedAt, long storeId, String sender, String subject, Long caseId,
                          String firstOutcome, Instant firstReceivedAt) {
    }

    private final JdbcClient jdbc;

    Duplicates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes that the mail with this dedupe key came again; returns the case of its first copy, if any. */
    Optional<Long> record(long storeId, String dedupeKey, Long uidValidity, Long uid, String sender, String subject,
                          Instant at) {
        return jdbc.sql("""
                with first as (select id, case_id from mailroom_inbound where store_id = :store and dedupe_key = :key),
                     noted as (insert into mailroom_duplicate (store_id, inbound_id, uid_validity, uid, sender, subject,
                                                               received_at)
                               select :store, id, :validity, :uid, :sender, :subject, :at from first returning id)
                select first.case_id from first, noted
                """)
                .param("store", storeId).param("key", dedupeKey).param("validity", uidValidity).param("uid", uid)
                .param("sender", sender == null ? "" : sender).param("subject", subject == null ? "" : subject)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional();
    }

    public List<Skipped> newestFirst(int limit) {
        return jdbc.sql("""
                select d.id, d.received_at, d.store_id, d.sender, d.subject, i.case_id, i.outcome,
                       i.received_at as first_received_at
                  from mailroom_duplicate d join mailroom_inbound i on i.id = d.inbound_id
                 order by d.id desc limit :limit
                """)
                .param("limit", limit)
                .query((rs, n) -> new Skipped(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(),
                        rs.getLong("store_id"), rs.getString("sender"), rs.getString("subject"),
                        (Long) rs.getObject("case_id", Long.class), rs.getString("outcome"),
                        rs.getTimestamp("first_received_at").toInstant()))
                .list();
    }
}
