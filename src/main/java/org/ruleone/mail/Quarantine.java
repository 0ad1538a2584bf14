package org.ruleone.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Mail that could not be understood: kept whole with its reason, never dropped, until someone retries it. */
@Service
public class Quarantine {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Quarantine(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps the mail's bytes with why they could not be read; returns the entry's id. */
    public long put(byte[] raw, ParseResult.Quarantined why) {
        return put(raw, why, null);
    }

    /** Keeps the mail's bytes, why they could not be read and the store whose mailbox it came from (or null). */
    public long put(byte[] raw, ParseResult.Quarantined why, Long storeId) {
        return jdbc.sql("""
                insert into mail_quarantine (received_at, raw, size, reason, detail, store_id)
                values (:now, :raw, :size, :reason, :detail, :store)
                returning id
                """)
                .param("store", storeId)
                .param("now", Timestamp.from(clock.instant()))
                .param("raw", raw)
                .param("size", raw.length)
                .param("reason", why.reason().name())
                .param("detail", why.detail())
                .query(Long.class).single();
    }

    /** The mail still waiting in the quarantine (not yet processed by a retry), newest first. */
    public List<QuarantinedMail> newestFirst(int limit) {
        return jdbc.sql("""
                select id, received_at, size, reason, detail, retried, store_id, processed_at from mail_quarantine
                 where processed_at is null
                 order by received_at desc, id desc
                 limit :limit
                """)
                .param("limit", limit)
                .query(Quarantine::entry)
                .list();
    }

    /** One entry, processed or not. */
    public Optional<QuarantinedMail> entry(long id) {
        return jdbc.sql("""
                select id, received_at, size, reason, detail, retried, store_id, processed_at from mail_quarantine
                 where id = :id
                """)
                .param("id", id)
                .query(Quarantine::entry)
                .optional();
    }

    /**
     * Marks the entry processed: a retry read and routed it. It leaves the list but is kept.
     *
     * @return false when there is no such entry or it was already processed
     */
    public boolean markProcessed(long id) {
        return jdbc.sql("update mail_quarantine set processed_at = :now where id = :id and processed_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id).update() == 1;
    }

    /** Records why the latest retry still could not read the mail. */
    public void stillUnreadable(long id, ParseResult.Quarantined why) {
        jdbc.sql("update mail_quarantine set reason = :reason, detail = :detail where id = :id")
                .param("reason", why.reason().name())
                .param("detail", why.detail())
                .param("id", id).update();
    }

    public Optional<byte[]> raw(long id) {
        return jdbc.sql("select raw from mail_quarantine where id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    /** Counts one more attempt to read the mail again; false when there is no such entry. */
    public boolean countRetry(long id) {
        return jdbc.sql("update mail_quarantine set retried = retried + 1 where id = :id")
                .param("id", id).update() == 1;
    }

    private static QuarantinedMail entry(ResultSet rs, int row) throws SQLException {
        return new QuarantinedMail(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(), rs.getLong("size"),
                QuarantineReason.valueOf(rs.getString("reason")), rs.getString("detail"), rs.getInt("retried"),
                (Long) rs.getObject("store_id"),
                rs.getTimestamp("processed_at") == null ? null : rs.getTimestamp("processed_at").toInstant());
    }
}
