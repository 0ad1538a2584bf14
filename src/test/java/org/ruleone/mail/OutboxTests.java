package org.ruleone.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.mail.internal.OutboxSender;
import org.ruleone.mail.internal.OutboxSenderAccess;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox sends what was committed, once, and waits out an SMTP outage; GreenMail is the SMTP server. */
@IntegrationTest
class OutboxTests {

    private static final int SMTP_PORT = freePort();
    /** Waits up to 20 s for the server to start (2 s by default: too short on a busy shared machine). */
    private static final ServerSetup SMTP = smtpSetup();
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private static GreenMail greenMail;

    /** When set, the transaction that marks a batch sent fails after the SMTP server accepted it: a crash there. */
    private static final AtomicBoolean CRASH_BEFORE_COMMIT = new AtomicBoolean();
    /** Every outbox id a {@link MailsSent} announced, in order. */
    private static final Queue<Long> ANNOUNCED = new ConcurrentLinkedQueue<>();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }

        @Bean
        BatchWatcher batchWatcher() {
            return new BatchWatcher();
        }
    }

    /** In the sender's transaction, as a plain listener of the mail module's own event. */
    static class BatchWatcher {
        @EventListener
        void on(MailsSent batch) {
            if (CRASH_BEFORE_COMMIT.get()) {
                throw new IllegalStateException("the process died before the batch's commit");
            }
            batch.mails().forEach(m -> ANNOUNCED.add(m.outboxId()));
        }
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("ruleone.mail.outbox.interval", () -> "PT1H");
        registry.add("ruleone.mail.message-id-domain", () -> "shop.example");
    }

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    OutboxSender sender;

    @BeforeEach
    void startSmtp() {
        if (greenMail == null || !greenMail.isRunning()) {
            greenMail = new GreenMail(SMTP);
            greenMail.start();
        }
        outbox.sendDue(); // anything a previous test left behind
        greenMail.reset();
    }

    @AfterEach
    void noMailLeft() {
        CRASH_BEFORE_COMMIT.set(false);
        greenMail.reset();
    }

    @AfterAll
    static void stopSmtp() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void aCommittedMailArrivesWithItsThreadHeadersItsAttachmentAndTheMessageIdItWasGiven() throws Exception {
        byte[] ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".getBytes();
        QueuedMail queued = tx.execute(s -> outbox.enqueue(new OutgoingMail("test:thread", null,
                new MailAddress("anna@shop.example", "Anna Kowalska"),
                new MailAddress("zaneta@client.example", "Żaneta Żółkiewska"),
                new MailAddress("store@shop.example", "Sklep Łódź"),
                "Re: Zażółć gęślą jaźń [#12]", "Dzień dobry,\nwszystko gotowe.", "<p>Dzień dobry</p>",
                "<customer-1@client.example>", List.of("<customer-1@client.example>", "reply-2@shop.example"),
                Map.of("List-Unsubscribe", "<https://shop.example/u/abc>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                List.of(new OutgoingAttachment("invite.ics", "text/calendar; charset=UTF-8; method=REQUEST", ics)))));

        outbox.sendDue(); // or the sender woken after commit already did

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getMessageID()).isEqualTo(queued.messageId()).endsWith("@shop.example>");
        assertThat(mail.getSubject()).isEqualTo("Re: Zażółć gęślą jaźń [#12]");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Anna Kowalska");
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo("store@shop.example");
        assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Żaneta Żółkiewska");
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<customer-1@client.example>");
        assertThat(mail.getHeader("References", null).replaceAll("\\s+", " "))
                .isEqualTo("<customer-1@client.example> <reply-2@shop.example>");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<https://shop.example/u/abc>");
        assertThat(GreenMailUtil.getBody(mail)).contains("invite.ics");
        Part calendar = findPart((Multipart) mail.getContent(), "invite.ics");
        assertThat(calendar.getContentType()).startsWith("text/calendar");
        assertThat(new String(calendar.getInputStream().readAllBytes())).contains("BEGIN:VCALENDAR");
        assertThat(outbox.find("test:thread")).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(e.sentAt()).isNotNull();
        });
    }

    @Test
    void aMailQueuedInATransactionThatRolledBackIsNeverSent() {
        tx.executeWithoutResult(s -> {
            outbox.enqueue(plain("test:rolled-back", "zaneta@client.example", "Never"));
            s.setRollbackOnly();
        });

        assertThat(outbox.sendDue()).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(outbox.find("test:rolled-back")).isEmpty();
    }

    @Test
    void queueingTheSameMailTwiceSendsItOnce() {
        QueuedMail first = outbox.enqueue(plain("test:twice", "zaneta@client.example", "Once"));
        QueuedMail second = outbox.enqueue(plain("test:twice", "zaneta@client.example", "Once"));

        assertThat(second).isEqualTo(first);
        outbox.sendDue();
        outbox.sendDue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anSmtpOutageDelaysMailAndItIsSentWhenTheServerIsBack() {
        greenMail.stop();
        outbox.enqueue(plain("test:outage", "zaneta@client.example", "Later"));

        assertThat(outbox.sendDue()).isZero();
        assertThat(outbox.find("test:outage")).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(OutboxStatus.QUEUED);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastError()).isNotBlank();
        });
        assertThat(outbox.health().trouble()).as("said on screens instead of \"sent\"")
                .isEqualTo(DeliveryTrouble.UNREACHABLE);
        assertThat(outbox.health().waiting()).isEqualTo(1);

        greenMail = new GreenMail(SMTP);
        greenMail.start();
        assertThat(outbox.sendDue()).as("not due again before the back-off").isZero();
        CLOCK.advance(Duration.ofSeconds(31));
        assertThat(outbox.sendDue()).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(outbox.find("test:outage").orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(outbox.health().flowing()).isTrue();
    }

    @Test
    void aLineBreakInANameOrSubjectCannotAddAHeaderOrARecipient() throws MessagingException {
        outbox.enqueue(new OutgoingMail("test:injection", null,
                new MailAddress("store@shop.example", "Shop\r\nBcc: victim@evil.example"),
                new MailAddress("zaneta@client.example", "Żaneta\nCc: other@evil.example"), null,
                "Hello\r\nBcc: victim@evil.example\r\n\r\nfake body", "Body", null, null, List.of(),
                Map.of("X-Campaign", "7\r\nBcc: victim@evil.example"), List.of()));

        outbox.sendDue();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getHeader("Cc")).isNull();
        Address[] recipients = mail.getAllRecipients();
        assertThat(recipients).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("zaneta@client.example");
        assertThat(mail.getSubject()).isEqualTo("Hello Bcc: victim@evil.example fake body");
    }

    @Test
    void anAddressWithALineBreakOrTwoAddressesIsRefused() {
        assertThatThrownBy(() -> outbox.enqueue(plain("test:bad-1", "a@b.example\r\nBcc: c@d.example", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.enqueue(plain("test:bad-2", "a@b.example, c@d.example", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.enqueue(plain("test:bad-3", "not an address", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(outbox.find("test:bad-1")).isEmpty();
    }

    @Test
    void aRefusedRecipientFailsOnlyItsOwnMailAndTheRestOfTheBatchIsSentOnce() throws Exception {
        greenMail.stop();
        try (PickySmtpServer picky = new PickySmtpServer(SMTP_PORT, Map.of(
                "gone@client.example", "550 5.1.1 <gone@client.example>: no such mailbox",
                "busy@client.example", "451 4.2.1 <busy@client.example>: mailbox busy, try later"))) {
            List<String> to = List.of("gone@client.example", "ala@client.example", "busy@client.example",
                    "bea@client.example", "cyd@client.example");
            String run = "test:refused-in-batch:" + java.util.UUID.randomUUID() + ":";
            notDueYet(run, to);
            CLOCK.advance(Duration.ofMinutes(1));

            assertThat(outbox.sendDue()).isEqualTo(3);

            assertThat(picky.accepted()).extracting(PickySmtpServer.Accepted::to)
                    .containsExactlyInAnyOrder("ala@client.example", "bea@client.example", "cyd@client.example");
            assertThat(outbox.find(run + 0)).hasValueSatisfying(e -> {
                assertThat(e.status()).isEqualTo(OutboxStatus.FAILED);
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.lastError()).contains("550");
            });
            assertThat(outbox.find(run + 2)).hasValueSatisfying(e -> {
                assertThat(e.status()).as("a 4xx answer: tried again after the back-off").isEqualTo(OutboxStatus.QUEUED);
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.lastError()).contains("451");
            });
            for (int i : new int[] {1, 3, 4}) {
                OutboxEntry sent = outbox.find(run + i).orElseThrow();
                assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
                assertThat(sent.attempts()).isEqualTo(1);
                assertThat(picky.accepted()).contains(new PickySmtpServer.Accepted(to.get(i), sent.messageId()));
            }
            assertThat(outbox.sendDue()).as("nothing of the batch is sent again").isZero();
            assertThat(picky.accepted()).hasSize(3);
        } finally {
            jdbc.sql("delete from mail_outbox where dedupe_key like 'test:refused-in-batch:%'").update();
        }
    }

    @Test
    void aBatchWhoseCommitNeverCameIsSentAgainWithTheSameMessageIdsAndNothingIsLost() {
        String run = "test:crash:" + java.util.UUID.randomUUID() + ":";
        List<String> to = List.of("ala@client.example", "bea@client.example", "cyd@client.example");
        notDueYet(run, to);
        CLOCK.advance(Duration.ofMinutes(1));

        CRASH_BEFORE_COMMIT.set(true);
        assertThatThrownBy(() -> outbox.sendDue()).hasStackTraceContaining("died before the batch's commit");
        assertThat(greenMail.getReceivedMessages()).as("the server accepted them before the crash").hasSize(3);
        for (int i = 0; i < to.size(); i++) {
            assertThat(outbox.find(run + i).orElseThrow()).satisfies(e -> {
                assertThat(e.status()).isEqualTo(OutboxStatus.QUEUED);
                assertThat(e.attempts()).isZero();
            });
        }

        CRASH_BEFORE_COMMIT.set(false);
        assertThat(outbox.sendDue()).isEqualTo(3);

        Map<String, Long> copies = java.util.Arrays.stream(greenMail.getReceivedMessages())
                .collect(java.util.stream.Collectors.groupingBy(OutboxTests::messageId,
                        java.util.stream.Collectors.counting()));
        Map<String, Long> expected = new java.util.HashMap<>();
        for (int i = 0; i < to.size(); i++) {
            OutboxEntry e = outbox.find(run + i).orElseThrow();
            assertThat(e.status()).isEqualTo(OutboxStatus.SENT);
            expected.put(e.messageId(), 2L);
        }
        assertThat(copies).as("each mail of the batch once more, with its own Message-ID").isEqualTo(expected);
    }

    @Test
    void aMailClaimedByAnotherSenderIsNotSentUntilThatSenderDiesAndThenOnce() throws Exception {
        String run = "test:claimed:" + java.util.UUID.randomUUID() + ":";
        notDueYet(run, List.of("ala@client.example"));
        CLOCK.advance(Duration.ofMinutes(1));

        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var claim = other.prepareStatement(
                    "select id from mail_outbox where dedupe_key = ? for update skip locked")) {
                claim.setString(1, run + 0);
                assertThat(claim.executeQuery().next()).isTrue();
            }

            assertThat(outbox.sendDue()).as("claimed by a sender still at work").isZero();
            assertThat(greenMail.getReceivedMessages()).isEmpty();

            other.rollback(); // what PostgreSQL does with the transaction of a process that died
        }

        assertThat(outbox.sendDue()).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).extracting(OutboxTests::messageId)
                .containsExactly(outbox.find(run + 0).orElseThrow().messageId());
    }

    @Test
    void parallelSendersShareTheBatchesAndEveryMailLeavesAndIsAnnouncedOnce() {
        String run = "test:parallel:" + java.util.UUID.randomUUID() + ":";
        int mails = 230; // five batches of 50 or fewer, for four senders
        notDueYet(run, java.util.stream.IntStream.range(0, mails).mapToObj(i -> "client" + i + "@client.example")
                .toList());
        CLOCK.advance(Duration.ofMinutes(1));
        ANNOUNCED.clear();

        assertThat(outbox.sendDue()).isEqualTo(mails);

        List<String> ids = java.util.Arrays.stream(greenMail.getReceivedMessages()).map(OutboxTests::messageId).toList();
        assertThat(ids).hasSize(mails).doesNotHaveDuplicates();
        List<Long> outboxIds = jdbc.sql("select id from mail_outbox where dedupe_key like :run and status = 'SENT'")
                .param("run", run + "%").query(Long.class).list();
        assertThat(outboxIds).hasSize(mails);
        assertThat(ANNOUNCED).as("each mail announced once").containsExactlyInAnyOrderElementsOf(outboxIds);
    }

    /**
     * Queues one mail per address in one transaction, due a minute from now, and waits for the sending the commit
     * woke (it finds them not due): the test's own {@code sendDue} after moving the clock is the one that sends them.
     */
    private void notDueYet(String run, List<String> addresses) {
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < addresses.size(); i++) {
                outbox.enqueue(plain(run + i, addresses.get(i), "Batch mail " + i));
            }
            jdbc.sql("update mail_outbox set next_attempt_at = :later where dedupe_key like :run")
                    .param("later", java.sql.Timestamp.from(CLOCK.instant().plus(Duration.ofMinutes(1))))
                    .param("run", run + "%").update();
        });
        OutboxSenderAccess.awaitWakeUps(sender);
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutgoingMail plain(String key, String to, String subject) {
        return OutgoingMail.plain(key, null, new MailAddress("store@shop.example", "Shop"),
                new MailAddress(to, ""), subject, "Hello");
    }

    private static Part findPart(Multipart multipart, String fileName) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (fileName.equals(part.getFileName())) {
                return part;
            }
            if (part.getContent() instanceof Multipart nested) {
                Part found = findPart(nested, fileName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static ServerSetup smtpSetup() {
        ServerSetup setup = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(20_000);
        return setup;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
