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
        return enqueueAll(List.of(mail)).getFirst();
    }

    /**
     * Queues many mails in the caller's transaction (or its own) as {@link #enqueue} does each, with a few statements
     * for all of them instead of a few per mail (a campaign's or a survey round's thousands; ADR 0123).
     *
     * @return the queued (or already queued) mail of each, in the same order
     * @throws IllegalArgumentException when an address of any of them is not a valid address or a header name is
     *                                  not plain: nothing is queued
     */
    @Transactional
    public List<QueuedMail> enqueueAll(List<OutgoingMail> mails) {
        if (mails.isEmpty()) {
            return List.of();
        }
        int n = mails.size();
        String[] keys = new String[n];
        Long[] stores = new Long[n];
        String[] messageIds = new String[n];
        String[] froms = new String[n];
        String[] fromNames = new String[n];
        String[] tos = new String[n];
        String[] toNames = new String[n];
        String[] replyTos = new String[n];
        String[] replyToNames = new String[n];
        String[] subjects = new String[n];
        String[] texts = new String[n];
        String[] htmls = new String[n];
        String[] inReplyTos = new String[n];
        String[] refs = new String[n];
        String[] extras = new String[n];
        for (int i = 0; i < n; i++) {
            OutgoingMail mail = mails.get(i);
            froms[i] = address(mail.from().address());
            tos[i] = address(mail.to().address());
            replyTos[i] = mail.replyTo() == null ? null : address(mail.replyTo().address());
            for (String name : mail.extraHeaders().keySet()) {
                if (!HEADER_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("Not a plain header name: " + headerValue(name));
                }
            }
            Map<String, String> extra = new java.util.TreeMap<>();
            mail.extraHeaders().forEach((k, v) -> extra.put(k, headerValue(v)));
            keys[i] = mail.dedupeKey();
            stores[i] = mail.storeId();
            messageIds[i] = "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
            fromNames[i] = headerValue(mail.from().displayName());
            toNames[i] = headerValue(mail.to().displayName());
            replyToNames[i] = mail.replyTo() == null ? "" : headerValue(mail.replyTo().displayName());
            subjects[i] = headerValue(mail.subject());
            texts[i] = mail.text();
            htmls[i] = mail.html();
            inReplyTos[i] = messageIdOrNull(mail.inReplyTo());
            refs[i] = JSON.writeValueAsString(mail.references().stream().map(Outbox::messageIdOrNull)
                    .filter(java.util.Objects::nonNull).toList());
            extras[i] = JSON.writeValueAsString(extra);
        }
        Instant now = clock.instant();
        // One insert for all: the rows come from arrays, one per column (unnest keeps them side by side).
        Map<String, QueuedMail> inserted = new java.util.HashMap<>();
        jdbc.sql("""
                insert into mail_outbox (dedupe_key, store_id, message_id, from_address, from_name, to_address,
                                         to_name, reply_to_address, reply_to_name, subject, text_body, html_body,
                                         in_reply_to, thread_refs, extra_headers, next_attempt_at, created_at)
                select m.key, m.store, m.mid, m.sender, m.sender_name, m.recipient, m.recipient_name, m.reply_to,
                       m.reply_to_name, m.subject, m.text_body, m.html_body, m.in_reply_to,
                       array(select jsonb_array_elements_text(cast(m.refs as jsonb))), cast(m.extra as jsonb),
                       :now, :now
                  from unnest(cast(:keys as text[]), cast(:stores as bigint[]), cast(:mids as text[]),
                              cast(:froms as text[]), cast(:fromNames as text[]), cast(:tos as text[]),
                              cast(:toNames as text[]), cast(:replyTos as text[]), cast(:replyToNames as text[]),
                              cast(:subjects as text[]), cast(:texts as text[]), cast(:htmls as text[]),
                              cast(:inReplyTos as text[]), cast(:refs as text[]), cast(:extras as text[]))
                       with ordinality as m(key, store, mid, sender, sender_name, recipient, recipient_name,
                                            reply_to, reply_to_name, subject, text_body, html_body, in_reply_to,
                                            refs, extra, position)
                 order by m.position
                on conflict (dedupe_key) do nothing
                returning id, dedupe_key, message_id
                """)
                .param("keys", keys).param("stores", stores).param("mids", messageIds)
                .param("froms", froms).param("fromNames", fromNames).param("tos", tos).param("toNames", toNames)
                .param("replyTos", replyTos).param("replyToNames", replyToNames).param("subjects", subjects)
                .param("texts", texts).param("htmls", htmls).param("inReplyTos", inReplyTos).param("refs", refs)
                .param("extras", extras).param("now", Timestamp.from(now))
                .query((rs, row) -> inserted.put(rs.getString(2), new QueuedMail(rs.getLong(1), rs.getString(3))))
                .list();
        List<Long> fileOwners = new java.util.ArrayList<>();
        List<Integer> positions = new java.util.ArrayList<>();
        List<String> fileNames = new java.util.ArrayList<>();
        List<String> contentTypes = new java.util.ArrayList<>();
        List<byte[]> contents = new java.util.ArrayList<>();
        java.util.Set<String> withFiles = new java.util.HashSet<>();
        for (OutgoingMail mail : mails) {
            QueuedMail queued = inserted.get(mail.dedupeKey());
            if (queued == null || !withFiles.add(mail.dedupeKey())) {
                continue; // queued before (or twice in this list): its files are those of the first
            }
            int position = 0;
            for (OutgoingAttachment file : mail.attachments()) {
                fileOwners.add(queued.id());
                positions.add(position++);
                fileNames.add(headerValue(file.fileName()));
                contentTypes.add(headerValue(file.contentType()));
                contents.add(file.content());
            }
        }
        if (!fileOwners.isEmpty()) {
            jdbc.sql("""
                    insert into mail_outbox_attachment (outbox_id, position, file_name, content_type, content)
                    select * from unnest(cast(:ids as bigint[]), cast(:positions as int[]), cast(:names as text[]),
                                         cast(:types as text[]), cast(:contents as bytea[]))
                    """)
                    .param("ids", fileOwners.toArray(Long[]::new))
                    .param("positions", positions.toArray(Integer[]::new))
                    .param("names", fileNames.toArray(String[]::new))
                    .param("types", contentTypes.toArray(String[]::new))
                    .param("contents", contents.toArray(byte[][]::new))
                    .update();
        }
        Map<String, QueuedMail> before = new java.util.HashMap<>();
        String[] missing = java.util.Arrays.stream(keys).filter(k -> !inserted.containsKey(k)).distinct()
                .toArray(String[]::new);
        if (missing.length > 0) {
            jdbc.sql("select id, message_id, dedupe_key from mail_outbox where dedupe_key = any(cast(:keys as text[]))")
                    .param("keys", missing)
                    .query((rs, row) -> before.put(rs.getString(3), new QueuedMail(rs.getLong(1), rs.getString(2))))
                    .list();
        }
        if (!inserted.isEmpty()) {
            wakeUpAfterCommit();
        }
        return java.util.Arrays.stream(keys)
                .map(k -> inserted.containsKey(k) ? inserted.get(k) : before.get(k)).toList();
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
