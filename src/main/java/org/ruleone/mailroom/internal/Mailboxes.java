package org.ruleone.mailroom.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ruleone.mailroom.Mailbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The mailroom_mailbox table: each store's address, IMAP account, and how far its mailbox has been read. */
@Repository
public class Mailboxes {

    private static final String COLUMNS = "store_id, address, imap_host, imap_port, imap_tls, imap_user, "
            + "imap_password is not null as has_password, last_polled_at, last_error";

    private final JdbcClient jdbc;
    private final PasswordVault vault;
    private final Clock clock;

    Mailboxes(JdbcClient jdbc, PasswordVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    /** An IMAP account with its password in clear, only for connecting. */
    public record ImapAccount(long storeId, String host, int port, boolean tls, String user, String password) {
        @Override
        public String toString() {
            return "ImapAccount[store=" + storeId + ", " + user + "@" + host + ":" + port + ", tls=" + tls + "]";
        }
    }

    public List<Mailbox> all() {
        return jdbc.sql("select " + COLUMNS + " from mailroom_mailbox order by store_id").query(Mailboxes::mailbox).list();
    }

    public Optional<Mailbox> of(long storeId) {
        return jdbc.sql("select " + COLUMNS + " from mailroom_mailbox where store_id = :store")
                .param("store", storeId).query(Mailboxes::mailbox).optional();
    }

    /**
     * Saves a store's settings. A blank password keeps the one already stored; a different host or user without a
     * new password is refused by the caller. Changing host or user starts reading the new mailbox from its start.
     */
    @Transactional
    public void save(long storeId, String address, String host, Integer port, boolean tls, String user,
                     String newPassword) {
        Optional<Mailbox> before = of(storeId);
        byte[] password = newPassword == null || newPassword.isEmpty() ? null : vault.encrypt(storeId, newPassword);
        boolean otherAccount = before.isPresent() && (!same(before.get().imapHost(), host)
                || !same(before.get().imapUser(), user) || !java.util.Objects.equals(before.get().imapPort(), port));
        jdbc.sql("""
                insert into mailroom_mailbox (store_id, address, imap_host, imap_port, imap_tls, imap_user, imap_password,
                                              updated_at)
                values (:store, :address, :host, :port, :tls, :user, :password, :now)
                on conflict (store_id) do update set
                    address = excluded.address, imap_host = excluded.imap_host, imap_port = excluded.imap_port,
                    imap_tls = excluded.imap_tls, imap_user = excluded.imap_user,
                    imap_password = coalesce(excluded.imap_password, mailroom_mailbox.imap_password),
                    updated_at = excluded.updated_at
                """)
                .param("store", storeId).param("address", address).param("host", blankToNull(host))
                .param("port", port).param("tls", tls).param("user", blankToNull(user))
                .param("password", password).param("now", Timestamp.from(clock.instant()))
                .update();
        if (otherAccount) {
            jdbc.sql("update mailroom_mailbox set uid_validity = null, last_uid = 0, last_error = null where store_id = :store")
                    .param("store", storeId).update();
        }
    }

    public Optional<ImapAccount> account(long storeId) {
        return jdbc.sql("""
                select store_id, imap_host, imap_port, imap_tls, imap_user, imap_password from mailroom_mailbox
                 where store_id = :store and imap_host is not null and imap_port is not null and imap_user is not null
                   and imap_password is not null
                """)
                .param("store", storeId)
                .query((rs, n) -> new ImapAccount(rs.getLong("store_id"), rs.getString("imap_host"),
                        rs.getInt("imap_port"), rs.getBoolean("imap_tls"), rs.getString("imap_user"),
                        vault.decrypt(rs.getLong("store_id"), rs.getBytes("imap_password"))))
                .optional();
    }

    /** The stores whose mailbox has an IMAP account to read. */
    public List<Long> readableStores() {
        return jdbc.sql("""
                select store_id from mailroom_mailbox
                 where imap_host is not null and imap_port is not null and imap_user is not null
                   and imap_password is not null
                 order by store_id
                """).query(Long.class).list();
    }

    /**
     * Takes the right to read a store's mailbox for a while, so two nodes never read it at once.
     *
     * @return false when another poll holds it
     */
    public boolean lease(long storeId, Duration forHowLong) {
        Instant now = clock.instant();
        return jdbc.sql("""
                update mailroom_mailbox set lease_until = :until
                 where store_id = :store and (lease_until is null or lease_until < :now)
                """)
                .param("until", Timestamp.from(now.plus(forHowLong))).param("now", Timestamp.from(now))
                .param("store", storeId).update() == 1;
    }

    public void release(long storeId, String error) {
        jdbc.sql("update mailroom_mailbox set lease_until = null, last_polled_at = :now, last_error = :error where store_id = :store")
                .param("now", Timestamp.from(clock.instant())).param("error", error).param("store", storeId).update();
    }

    public record Position(Long uidValidity, long lastUid) {
    }

    public Position position(long storeId) {
        return jdbc.sql("select uid_validity, last_uid from mailroom_mailbox where store_id = :store")
                .param("store", storeId)
                .query((rs, n) -> new Position((Long) rs.getObject("uid_validity"), rs.getLong("last_uid")))
                .single();
    }

    /** A new UIDVALIDITY: the mailbox was rebuilt, every UID is new; the dedupe by Message-ID keeps doubles out. */
    public void restartAt(long storeId, long uidValidity) {
        jdbc.sql("update mailroom_mailbox set uid_validity = :validity, last_uid = 0 where store_id = :store")
                .param("validity", uidValidity).param("store", storeId).update();
    }

    /** Records that every message up to this UID was handled; runs in the transaction that handled it. */
    public void advance(long storeId, long uidValidity, long uid) {
        jdbc.sql("""
                update mailroom_mailbox set last_uid = greatest(last_uid, :uid)
                 where store_id = :store and uid_validity = :validity
                """)
                .param("uid", uid).param("store", storeId).param("validity", uidValidity).update();
    }

    public Optional<String> address(long storeId) {
        return jdbc.sql("select address from mailroom_mailbox where store_id = :store")
                .param("store", storeId).query(String.class).optional().filter(a -> !a.isBlank());
    }

    private static boolean same(String a, String b) {
        return (a == null ? "" : a).equals(b == null ? "" : b.strip());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Mailbox mailbox(ResultSet rs, int row) throws SQLException {
        Timestamp polled = rs.getTimestamp("last_polled_at");
        return new Mailbox(rs.getLong("store_id"), rs.getString("address"), rs.getString("imap_host"),
                (Integer) rs.getObject("imap_port"), rs.getBoolean("imap_tls"), rs.getString("imap_user"),
                rs.getBoolean("has_password"), polled == null ? null : polled.toInstant(), rs.getString("last_error"));
    }
}
