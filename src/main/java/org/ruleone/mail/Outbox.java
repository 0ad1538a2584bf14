package org.ruleone.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.ruleone.mail.internal.OutboxSender;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox. {@link #enqueue} saves a mail in the caller's transaction, so the mail exists if and
 * only if the change that caused it committed; a sender delivers it after commit over SMTP, one row at a time, and
 * tries again later when the server is away. The dedupe key makes queueing the same mail twice a no-op, so a
 * retried request never sends twice.
 */
@Service
public class Outbox {

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,75}");
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OutboxSender wakeUp;
    private final String messageIdDomain;

    Outbox(JdbcClient jdbc, Clock clock, OutboxSender wakeUp,
           @Value("${ruleone.mail.message-id-domain:rule-one.invalid}") String messageIdDomain) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.wakeUp = wakeUp;
        this.messageIdDomain = messageIdDomain;
    }

    /**
     * Queues a mail in the caller's transaction (or its own when there is none). When a mail with the same dedupe
     * key is already queued or sent, nothing is added and that mail is returned.
     *
     * @throws IllegalArgumentException when an address is not a valid address or a header name is not plain
     */
    @Transactional
    public QueuedMail enqueue(OutgoingMail mail) {
        String from = address(mail.from().address());
        String to = address(mail.to().address());
        String replyTo = mail.replyTo() == null ? null : address(mail.replyTo().address());
        for (String name : mail.extraHeaders().keySet()) {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a plain header name: " + headerValue(name));
            }
        }
        Map<String, String> extra = new java.util.TreeMap<>();
        mail.extraHeaders().forEach((k, v) -> extra.put(k, headerValue(v)));
        Instant now = clock.instant();
        String messageId = "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
        Optional<Long> inserted = jdbc.sql("""
                insert into mail_outbox (dedupe_key, store_id, message_id, from_address, from_name, to_address,
                                         to_name, reply_to_address, reply_to_name, subject, text_body, html_body,
                                         in_reply_to, thread_refs, extra_headers, next_attempt_at, created_at)
                values (:key, :store, :messageId, :from, :fromName, :to, :toName, :replyTo, :replyToName, :subject,
                        :text, :html, :inReplyTo, :refs, cast(:extra as jsonb), :now, :now)
                on conflict (dedupe_key) do nothing
                returning id
                """)
                .param("key", mail.dedupeKey())
                .param("store", mail.storeId())
                .param("messageId", messageId)
                .param("from", from)
                .param("fromName", headerValue(mail.from().displayName()))
                .param("to", to)
                .param("toName", headerValue(mail.to().displayName()))
                .param("replyTo", replyTo)
                .param("replyToName", mail.replyTo() == null ? "" : headerValue(mail.replyTo().displayName()))
                .param("subject", headerValue(mail.subject()))
                .param("text", mail.text())
                .param("html", mail.html())
                .param("inReplyTo", messageIdOrNull(mail.inReplyTo()))
                .param("refs", mail.references().stream().map(Outbox::messageIdOrNull)
                        .filter(java.util.Objects::nonNull).toArray(String[]::new))
                .param("extra", JSON.writeValueAsString(extra))
                .param("now", Timestamp.from(now))
                .query(Long.class).optional();
        if (inserted.isEmpty()) {
            return jdbc.sql("select id, message_id from mail_outbox where dedupe_key = :key")
                    .param("key", mail.dedupeKey())
                    .query((rs, n) -> new QueuedMail(rs.getLong(1), rs.getString(2))).single();
        }
        long id = inserted.get();
        int position = 0;
        for (OutgoingAttachment file : mail.attachments()) {
            jdbc.sql("""
                    insert into mail_outbox_attachment (outbox_id, position, file_name, content_type, content)
                    values (:id, :position, :name, :type, :content)
                    """)
                    .param("id", id).param("position", position++)
                    .param("name", headerValue(file.fileName()))
                    .param("type", headerValue(file.contentType()))
                    .param("content", file.content())
                    .update();
        }
        wakeUpAfterCommit();
        return new QueuedMail(id, messageId);
    }

    /**
     * Whether {@link #enqueue} accepts this as an address (one plain address, no control characters or commas), for a
     * caller that must leave a client out rather than have its whole transaction rolled back.
     */
    public static boolean accepts(String address) {
        try {
            address(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The mail queued under a dedupe key. */
    public Optional<OutboxEntry> find(String dedupeKey) {
        return jdbc.sql(SELECT + " where dedupe_key = :key").param("key", dedupeKey).query(Outbox::entry).optional();
    }

    /** The mail sent with a Message-ID (angle brackets included), e.g. to tell which mail a bounce is about. */
    public Optional<OutboxEntry> findByMessageId(String messageId) {
        return jdbc.sql(SELECT + " where message_id = :id").param("id", messageId).query(Outbox::entry).optional();
    }

    /** The newest mails first, for a screen. */
    public List<OutboxEntry> newestFirst(int limit) {
        return jdbc.sql(SELECT + " order by id desc limit :limit").param("limit", limit).query(Outbox::entry).list();
    }

    /** How many mails are in each status. */
    public Map<OutboxStatus, Long> counts() {
        Map<OutboxStatus, Long> counts = new java.util.EnumMap<>(OutboxStatus.class);
        for (OutboxStatus s : OutboxStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) from mail_outbox group by status")
                .query((rs, n) -> counts.put(OutboxStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /**
     * Whether mail is going out: how many mails wait, since when, and what stands in the way (no server configured,
     * the server's latest refusal, or mail waiting for longer than {@link OutboxHealth#STUCK_AFTER}).
     */
    public OutboxHealth health() {
        record Figures(long waiting, Timestamp oldest) { }
        Figures figures = jdbc.sql("select count(*), min(created_at) from mail_outbox where status = 'QUEUED'")
                .query((rs, n) -> new Figures(rs.getLong(1), rs.getTimestamp(2))).single();
        record LastError(String kind, String text) { }
        Optional<LastError> last = jdbc.sql("""
                select last_error_kind, last_error from mail_outbox
                 where status = 'QUEUED' and last_error_kind is not null
                 order by next_attempt_at desc, id desc limit 1
                """).query((rs, n) -> new LastError(rs.getString(1), rs.getString(2))).optional();
        return OutboxHealth.of(wakeUp.serverConfigured(), figures.waiting(),
                figures.oldest() == null ? null : figures.oldest().toInstant(),
                last.map(LastError::kind).orElse(null), last.map(LastError::text).orElse(null), clock.instant());
    }

    /** How many mails whose dedupe key starts with the prefix wait to be sent, e.g. a campaign's or a case's. */
    public long waiting(String dedupeKeyPrefix) {
        String pattern = dedupeKeyPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select count(*) from mail_outbox where status = 'QUEUED' and dedupe_key like :p")
                .param("p", pattern).query(Long.class).single();
    }

    /**
     * Sends every mail that is due now, one at a time, after any sending already under way (for instance the one
     * woken when a transaction committed); returns how many mails this call sent.
     */
    public int sendDue() {
        return wakeUp.sendDueNow();
    }

    private void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp.soon();
                }
            });
        } else {
            wakeUp.soon();
        }
    }

    private static final String SELECT = """
            select id, dedupe_key, store_id, message_id, to_address, subject, status, attempts, last_error,
                   created_at, sent_at
              from mail_outbox""";

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        long store = rs.getLong("store_id");
        return new OutboxEntry(rs.getLong("id"), rs.getString("dedupe_key"), rs.wasNull() ? null : store,
                rs.getString("message_id"), rs.getString("to_address"), rs.getString("subject"),
                OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }

    /** A header value from anywhere: control characters (CR and LF among them) become one space. */
    static String headerValue(String value) {
        return value == null ? "" : UNSAFE.matcher(value).replaceAll(" ").strip();
    }

    private static String address(String value) {
        String candidate = value == null ? "" : value.strip();
        if (candidate.isEmpty() || !candidate.equals(headerValue(candidate)) || candidate.contains(",")) {
            throw new IllegalArgumentException("Not an e-mail address: " + headerValue(candidate));
        }
        try {
            InternetAddress parsed = new InternetAddress(candidate, true);
            parsed.validate();
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an e-mail address: " + candidate, e);
        }
    }

    private static String messageIdOrNull(String id) {
        String clean = headerValue(id);
        if (clean.isEmpty()) {
            return null;
        }
        return clean.startsWith("<") ? clean : "<" + clean + ">";
    }
}
