package org.ruleone.mail.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import org.ruleone.mail.MailSent;
import org.ruleone.mail.MailsSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox over SMTP, a batch at a time (ADR 0123). A sender claims up to
 * {@code ruleone.mail.outbox.batch} due rows in one transaction ({@code for update skip locked}, so several senders
 * and nodes share the work and never send the same row), sends them over an SMTP connection it keeps across mails
 * and batches, and marks them in the same transaction before committing: one commit, so one WAL flush, per batch
 * instead of per mail. A refusal concerns its own mail only; an unreachable server ends the batch and leaves the
 * rest queued. A failure leaves a row queued with a later attempt time, so an outage only delays mail. The one case
 * that can send a mail twice is a crash after the server accepted it and before the batch's commit: the window is
 * one batch wide, and each mail keeps its Message-ID, so a receiver can tell.
 */
@Component
public class OutboxSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    /**
     * The file types for attachments, read once. {@code MimeMessageHelper} otherwise builds one per mail, reading
     * {@code mime.types} and looking up its provider on the class path each time (ADR 0123): most of the CPU a mail
     * took before. Every attachment here names its content type, so the map is hardly used anyway.
     */
    private static final FileTypeMap FILE_TYPES = fileTypes();

    static {
        MailProviders.pin();
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectProvider<JavaMailSender> senders;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final AtomicBoolean warnedNoServer = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("outbox-sender").factory());

    private final int parallel;
    private final int batch;

    OutboxSender(JdbcClient jdbc, TransactionTemplate tx, ObjectProvider<JavaMailSender> senders,
                 ApplicationEventPublisher events, Clock clock,
                 @org.springframework.beans.factory.annotation.Value("${ruleone.mail.outbox.senders:4}") int parallel,
                 @org.springframework.beans.factory.annotation.Value("${ruleone.mail.outbox.batch:50}") int batch) {
        this.parallel = Math.max(1, parallel);
        this.batch = Math.max(1, batch);
        this.jdbc = jdbc;
        this.tx = tx;
        this.senders = senders;
        this.events = events;
        this.clock = clock;
    }

    /** Sends soon, in the background: called after a transaction that queued mail commits. */
    public void soon() {
        if (wakeUpPending.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakeUpPending.set(false);
                drainQuietly();
            });
        }
    }

    /** Waits until every wake-up asked for so far has run (the wake-ups run one after the other). */
    void awaitWakeUps() {
        try {
            worker.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Scheduled(fixedDelayString = "${ruleone.mail.outbox.interval:PT5S}",
            initialDelayString = "${ruleone.mail.outbox.initial-delay:PT5S}")
    void poll() {
        drainQuietly();
    }

    /** Whether an SMTP server is configured ({@code spring.mail.host}); without one every mail waits. */
    public boolean serverConfigured() {
        return senders.getIfAvailable() instanceof JavaMailSenderImpl;
    }

    /** Sends everything due now and returns how many mails the server accepted. */
    public int sendDueNow() {
        return drain();
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Outbox: sending stopped for now: {}", e.toString());
        }
    }

    private int drain() {
        JavaMailSender sender = senders.getIfAvailable();
        if (!(sender instanceof JavaMailSenderImpl smtp)) {
            if (warnedNoServer.compareAndSet(false, true)) {
                log.warn("Outbox: no SMTP server configured (spring.mail.host); mail stays queued until there is");
            }
            return 0;
        }
        draining.lock();
        try {
            if (parallel <= 1) {
                return sendUntilDone(smtp);
            }
            // Several senders, each with its own SMTP connection, claim different batches (skip locked) and send
            // them side by side: SMTP round trips of one overlap with another's, and their commits share WAL flushes.
            List<java.util.concurrent.Future<Integer>> running = new ArrayList<>();
            try (ExecutorService pool = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("outbox-sender-", 1).factory())) {
                for (int i = 0; i < parallel; i++) {
                    running.add(pool.submit(() -> sendUntilDone(smtp)));
                }
                int sent = 0;
                for (java.util.concurrent.Future<Integer> one : running) {
                    sent += one.get();
                }
                return sent;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        } finally {
            draining.unlock();
        }
    }

    private int sendUntilDone(JavaMailSenderImpl smtp) {
        try (Connection connection = new Connection(smtp)) {
            int sent = 0;
            while (true) {
                Batch batch = tx.execute(status -> sendBatch(connection));
                if (batch == null) {
                    return sent;
                }
                sent += batch.sent();
                if (batch.claimed() == 0 || batch.serverAway()) {
                    return sent;
                }
            }
        }
    }

    /** A mail that could not be written as MIME (its own data): it waits its back-off, the batch goes on. */
    private static final class UnbuildableMail extends RuntimeException {
        UnbuildableMail(Exception cause) {
            super(cause.toString(), cause);
        }
    }

    /** What one batch did: how many rows it claimed, how many the server accepted, and whether it stopped early. */
    private record Batch(int claimed, int sent, boolean serverAway) {
    }

    /**
     * Claims up to {@code batch} due rows ({@code for update skip locked}: no other sender, on this node or another,
     * can claim them while this transaction lives), sends them one after the other over the kept connection, and
     * marks them in the same transaction: the accepted ones {@code SENT} in one statement, announced by one
     * {@link MailsSent}. A refusal concerns its own mail only: a 5xx answer marks it {@code FAILED}, a 4xx answer
     * gives it its back-off, and the batch goes on. When the server cannot be reached, the mail being sent gets its
     * back-off and the rest of the batch stays as it was (queued, due), unlocked at the commit.
     */
    private Batch sendBatch(Connection connection) {
        Instant now = clock.instant();
        List<Row> rows = jdbc.sql("""
                select id, dedupe_key, store_id, message_id, from_address, from_name, to_address, to_name,
                       reply_to_address, reply_to_name, subject, text_body, html_body, in_reply_to, thread_refs,
                       extra_headers::text as extra, attempts
                  from mail_outbox
                 where status = 'QUEUED' and next_attempt_at <= :now
                 order by next_attempt_at, id
                 limit :batch
                   for update skip locked
                """).param("now", Timestamp.from(now)).param("batch", batch).query(OutboxSender::row).list();
        if (rows.isEmpty()) {
            return new Batch(0, 0, false);
        }
        Map<Long, List<Attachment>> attachments = attachments(rows);
        List<MailSent> sent = new ArrayList<>(rows.size());
        boolean serverAway = false;
        for (Row row : rows) {
            try {
                MimeMessage message;
                try {
                    message = message(connection.session(), row, attachments.getOrDefault(row.id(), List.of()), now);
                } catch (MessagingException | RuntimeException e) {
                    throw new UnbuildableMail(e); // this mail's own trouble: the batch goes on
                }
                connection.send(message);
                sent.add(new MailSent(row.id(), row.dedupeKey(), row.messageId(), row.storeId(), row.to(),
                        clock.instant()));
            } catch (MessagingException | RuntimeException e) {
                if (!(e instanceof UnbuildableMail)) {
                    connection.reset();
                }
                if (permanent(e)) {
                    jdbc.sql("update mail_outbox set status = 'FAILED', attempts = attempts + 1, last_error = :error "
                                    + "where id = :id")
                            .param("error", describe(e)).param("id", row.id()).update();
                    log.warn("Outbox: mail {} refused for good: {}", row.id(), describe(e));
                    continue;
                }
                Duration wait = backoff(row.attempts());
                jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, last_error = :error, last_error_kind = :kind,
                               next_attempt_at = :next
                         where id = :id
                        """)
                        .param("error", describe(e)).param("kind", kind(e))
                        .param("next", Timestamp.from(now.plus(wait)))
                        .param("id", row.id()).update();
                log.info("Outbox: mail {} not sent ({}); next try in {}", row.id(), describe(e), wait);
                if (!answered(e) && !(e instanceof UnbuildableMail)) {
                    // No answer from the server: the next mails would wait for it the same way. They stay due.
                    serverAway = true;
                    break;
                }
            }
        }
        if (!sent.isEmpty()) {
            jdbc.sql("""
                    update mail_outbox m set status = 'SENT', sent_at = s.at, attempts = m.attempts + 1,
                           last_error = null, last_error_kind = null
                      from unnest(cast(:ids as bigint[]), cast(cast(:ats as text[]) as timestamptz[])) as s(id, at)
                     where m.id = s.id
                    """)
                    .param("ids", sent.stream().map(MailSent::outboxId).toArray(Long[]::new))
                    .param("ats", sent.stream().map(m -> m.sentAt().toString()).toArray(String[]::new))
                    .update();
            events.publishEvent(new MailsSent(sent));
        }
        return new Batch(rows.size(), sent.size(), serverAway);
    }

    static Duration backoff(int attemptsSoFar) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attemptsSoFar, 10));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /**
     * A 5xx answer about the mail or its recipient: trying again will not help. The SMTP provider's exceptions
     * carry the server's reply code ({@code getReturnCode()}); they are reached by name so the code compiles
     * against the Jakarta Mail API only.
     */
    static boolean permanent(Throwable e) {
        return chain(e).stream().mapToInt(OutboxSender::returnCode).anyMatch(code -> code >= 500 && code < 600);
    }

    /**
     * What kind of failure a passing one is, for screens: the server could not be reached, refused the login, or
     * answered with an error ({@code UNREACHABLE}, {@code LOGIN_REFUSED}, {@code REFUSED}).
     */
    static String kind(Throwable e) {
        List<Throwable> chain = chain(e);
        if (chain.stream().anyMatch(t -> t instanceof jakarta.mail.AuthenticationFailedException)) {
            return "LOGIN_REFUSED";
        }
        boolean unreachable = chain.stream().anyMatch(t -> t instanceof java.net.ConnectException
                || t instanceof java.net.UnknownHostException || t instanceof java.net.SocketTimeoutException
                || t instanceof java.net.NoRouteToHostException
                || t.getClass().getSimpleName().equals("MailConnectException"));
        return unreachable ? "UNREACHABLE" : "REFUSED";
    }

    /** Whether the server answered (with a reply code) rather than could not be reached or spoken to. */
    static boolean answered(Throwable e) {
        return chain(e).stream().anyMatch(t -> returnCode(t) >= 400);
    }

    /** A failure and everything behind it, each once: its causes and Jakarta Mail's next exceptions. */
    private static List<Throwable> chain(Throwable e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
        List<Throwable> chain = new java.util.ArrayList<>();
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            chain.add(t);
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.push(m.getNextException());
            }
        }
        return chain;
    }

    private static int returnCode(Throwable t) {
        try {
            Object code = t.getClass().getMethod("getReturnCode").invoke(t);
            return code instanceof Integer i ? i : -1;
        } catch (ReflectiveOperationException | RuntimeException notSmtp) {
            return -1;
        }
    }

    /** The failure and what the server answered, for the row and screens: "SendFailedException: Invalid Addresses; 550 …". */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        Exception next = e instanceof MessagingException m ? m.getNextException() : null;
        for (int depth = 0; next != null && depth < 3; depth++) {
            text.append("; ").append(next.getMessage() == null ? next.getClass().getSimpleName() : next.getMessage().strip());
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return text.length() > 500 ? text.substring(0, 500) : text.toString();
    }

    private MimeMessage message(Session session, Row row, List<Attachment> files, Instant now)
            throws MessagingException {
        String messageId = row.messageId();
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        boolean multipart = row.html() != null || !files.isEmpty();
        MimeMessageHelper mail = new MimeMessageHelper(message, multipart, "UTF-8") {
            @Override
            protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                return FILE_TYPES;
            }
        };
        try {
            mail.setFrom(new InternetAddress(row.from(), row.fromName(), "UTF-8"));
            mail.setTo(new InternetAddress(row.to(), row.toName(), "UTF-8"));
            if (row.replyTo() != null) {
                mail.setReplyTo(new InternetAddress(row.replyTo(), row.replyToName(), "UTF-8"));
            }
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        mail.setSubject(row.subject());
        mail.setSentDate(Date.from(now));
        if (row.html() != null) {
            mail.setText(row.text(), row.html());
        } else {
            mail.setText(row.text());
        }
        for (Attachment file : files) {
            mail.addAttachment(file.fileName(), new ByteArrayDataSource(file.content(), file.contentType()));
        }
        if (row.inReplyTo() != null) {
            message.setHeader("In-Reply-To", row.inReplyTo());
        }
        if (!row.refs().isEmpty()) {
            message.setHeader("References", MimeUtility.fold(12, String.join(" ", row.refs())));
        }
        for (Map.Entry<String, String> header : row.extra().entrySet()) {
            String value = encode(header.getValue());
            message.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2, value));
        }
        message.saveChanges();
        return message;
    }

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
        types.afterPropertiesSet();
        return types;
    }

    private static String encode(String value) {
        try {
            return MimeUtility.encodeText(value, "UTF-8", null);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** The attachments of a batch's mails, read at once, by mail. */
    private Map<Long, List<Attachment>> attachments(List<Row> rows) {
        Map<Long, List<Attachment>> byMail = new java.util.HashMap<>();
        jdbc.sql("""
                select outbox_id, file_name, content_type, content from mail_outbox_attachment
                 where outbox_id = any(:ids) order by outbox_id, position
                """).param("ids", rows.stream().map(Row::id).toArray(Long[]::new)).query(rs -> {
                    byMail.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new Attachment(rs.getString(2), rs.getString(3), rs.getBytes(4)));
                });
        return byMail;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long store = rs.getLong("store_id");
        Long storeId = rs.wasNull() ? null : store;
        java.sql.Array refs = rs.getArray("thread_refs");
        Map<String, String> extra = JSON.readValue(rs.getString("extra"), new TypeReference<Map<String, String>>() { });
        return new Row(rs.getLong("id"), rs.getString("dedupe_key"), storeId, rs.getString("message_id"),
                rs.getString("from_address"), rs.getString("from_name"), rs.getString("to_address"),
                rs.getString("to_name"), rs.getString("reply_to_address"), rs.getString("reply_to_name"),
                rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                rs.getString("in_reply_to"), refs == null ? List.of() : List.of((String[]) refs.getArray()),
                extra, rs.getInt("attempts"));
    }

    private record Row(long id, String dedupeKey, Long storeId, String messageId, String from, String fromName,
                       String to, String toName, String replyTo, String replyToName, String subject, String text,
                       String html, String inReplyTo, List<String> refs, Map<String, String> extra, int attempts) {
    }

    /** One SMTP connection, opened when first needed and kept across mails until a failure. */
    private static final class Connection implements AutoCloseable {
        private final JavaMailSenderImpl smtp;
        private Transport transport;

        Connection(JavaMailSenderImpl smtp) {
            this.smtp = smtp;
        }

        Session session() {
            return smtp.getSession();
        }

        /**
         * Sends over the kept connection without asking the server first whether it is still there (a NOOP per
         * mail); when a kept connection turns out closed before the mail was accepted, sends once more on a new one.
         */
        void send(MimeMessage message) throws MessagingException {
            boolean kept = transport != null;
            try {
                transport().sendMessage(message, message.getAllRecipients());
            } catch (MessagingException | IllegalStateException e) {
                if (!kept || permanent(e)) {
                    throw e;
                }
                reset();
                transport().sendMessage(message, message.getAllRecipients());
            }
        }

        Transport transport() throws MessagingException {
            if (transport == null) {
                reset();
                Transport opened = smtp.getSession().getTransport(
                        smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
                opened.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
                transport = opened;
            }
            return transport;
        }

        void reset() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the connection is gone either way
                }
                transport = null;
            }
        }

        @Override
        public void close() {
            reset();
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

}
