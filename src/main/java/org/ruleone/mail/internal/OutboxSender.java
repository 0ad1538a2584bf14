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

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import org.ruleone.mail.MailSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox over SMTP. Each mail is claimed, sent and marked sent in its own transaction while its row
 * is locked ({@code for update skip locked}, so several nodes share the work and never send the same row at once);
 * the SMTP connection is kept across mails. A failure leaves the row queued with a later attempt time, so an
 * outage only delays mail. The one case that can send a mail twice is a crash after the server accepted it and
 * before the commit: the window is one mail wide, and the mail keeps its Message-ID, so a receiver can tell.
 */
@Component
public class OutboxSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

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

    OutboxSender(JdbcClient jdbc, TransactionTemplate tx, ObjectProvider<JavaMailSender> senders,
                 ApplicationEventPublisher events, Clock clock,
                 @org.springframework.beans.factory.annotation.Value("${ruleone.mail.outbox.senders:4}") int parallel) {
        this.parallel = Math.max(1, parallel);
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
            // Several senders, each with its own SMTP connection, claim different rows (skip locked): each mail is
            // still sent and marked in its own transaction, and their commits share the database's WAL flushes.
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
                Attempt attempt = tx.execute(status -> sendOne(connection));
                if (attempt == null || attempt == Attempt.NOTHING_DUE || attempt == Attempt.SERVER_AWAY) {
                    return sent;
                }
                if (attempt == Attempt.SENT) {
                    sent++;
                }
            }
        }
    }

    private enum Attempt { SENT, REFUSED, NOTHING_DUE, SERVER_AWAY }

    private Attempt sendOne(Connection connection) {
        Instant now = clock.instant();
        Optional<Row> claimed = jdbc.sql("""
                select id, dedupe_key, store_id, message_id, from_address, from_name, to_address, to_name,
                       reply_to_address, reply_to_name, subject, text_body, html_body, in_reply_to, thread_refs,
                       extra_headers::text as extra, attempts
                  from mail_outbox
                 where status = 'QUEUED' and next_attempt_at <= :now
                 order by next_attempt_at, id
                 limit 1
                   for update skip locked
                """).param("now", Timestamp.from(now)).query(OutboxSender::row).optional();
        if (claimed.isEmpty()) {
            return Attempt.NOTHING_DUE;
        }
        Row row = claimed.get();
        try {
            MimeMessage message = message(connection.session(), row, now);
            connection.send(message);
        } catch (MessagingException | RuntimeException e) {
            connection.reset();
            if (permanent(e)) {
                jdbc.sql("update mail_outbox set status = 'FAILED', attempts = attempts + 1, last_error = :error "
                                + "where id = :id")
                        .param("error", describe(e)).param("id", row.id()).update();
                log.warn("Outbox: mail {} refused for good: {}", row.id(), describe(e));
                return Attempt.REFUSED;
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
            return Attempt.SERVER_AWAY;
        }
        Instant sentAt = clock.instant();
        jdbc.sql("update mail_outbox set status = 'SENT', sent_at = :at, attempts = attempts + 1, last_error = null, "
                        + "last_error_kind = null where id = :id")
                .param("at", Timestamp.from(sentAt)).param("id", row.id()).update();
        events.publishEvent(new MailSent(row.id(), row.dedupeKey(), row.messageId(), row.storeId(), row.to(),
                sentAt));
        return Attempt.SENT;
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
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            int code = returnCode(t);
            if (code >= 500 && code < 600) {
                return true;
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.push(m.getNextException());
            }
        }
        return false;
    }

    /**
     * What kind of failure a passing one is, for screens: the server could not be reached, refused the login, or
     * answered with an error ({@code UNREACHABLE}, {@code LOGIN_REFUSED}, {@code REFUSED}).
     */
    static String kind(Throwable e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
        boolean unreachable = false;
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof jakarta.mail.AuthenticationFailedException) {
                return "LOGIN_REFUSED";
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.net.NoRouteToHostException
                    || t.getClass().getSimpleName().equals("MailConnectException")) {
                unreachable = true;
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.push(m.getNextException());
            }
        }
        return unreachable ? "UNREACHABLE" : "REFUSED";
    }

    private static int returnCode(Throwable t) {
        try {
            Object code = t.getClass().getMethod("getReturnCode").invoke(t);
            return code instanceof Integer i ? i : -1;
        } catch (ReflectiveOperationException | RuntimeException notSmtp) {
            return -1;
        }
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private MimeMessage message(Session session, Row row, Instant now) throws MessagingException {
        String messageId = row.messageId();
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        List<byte[]> contents = new ArrayList<>();
        List<String[]> files = attachments(row.id(), contents);
        boolean multipart = row.html() != null || !files.isEmpty();
        MimeMessageHelper mail = new MimeMessageHelper(message, multipart, "UTF-8");
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
        for (int i = 0; i < files.size(); i++) {
            String[] file = files.get(i);
            mail.addAttachment(file[0], new ByteArrayDataSource(contents.get(i), file[1]));
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

    private static String encode(String value) {
        try {
            return MimeUtility.encodeText(value, "UTF-8", null);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String[]> attachments(long outboxId, List<byte[]> contents) {
        return jdbc.sql("""
                select file_name, content_type, content from mail_outbox_attachment
                 where outbox_id = :id order by position
                """).param("id", outboxId).query((rs, n) -> {
                    contents.add(rs.getBytes(3));
                    return new String[] {rs.getString(1), rs.getString(2)};
                }).list();
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
