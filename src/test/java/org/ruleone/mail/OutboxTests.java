package org.ruleone.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox sends what was committed, once, and waits out an SMTP outage; GreenMail is the SMTP server. */
@IntegrationTest
class OutboxTests {

    private static final int SMTP_PORT = freePort();
    private static final ServerSetup SMTP = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private static GreenMail greenMail;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
