package org.ruleone.mail;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.mailroom.MailroomTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail module with only the modules it depends on, sending to the tests' GreenMail. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform") // the clock
@ActiveProfiles("test")
class OutboxModuleTests {

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MailroomTestSupport.GREEN_MAIL.getSmtp().getPort());
    }

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transaction;

    @Test
    void announcesAMailTheServerAcceptedWithItsKeyAndRecipient(Scenario scenario) {
        String key = "module-test:" + UUID.randomUUID();
        String to = MailroomTestSupport.newMailbox("client");
        QueuedMail queued = transaction.execute(s -> outbox.enqueue(OutgoingMail.plain(key, null,
                new MailAddress("store@shop.example", "Shop"), new MailAddress(to, ""), "Your boots", "Hello")));

        scenario.stimulate(() -> outbox.sendDue())
                .andWaitForEventOfType(MailsSent.class)
                .matching(batch -> batch.mails().stream().anyMatch(e -> e.dedupeKey().equals(key)))
                .toArriveAndVerify(batch -> {
                    MailSent e = batch.mails().stream().filter(m -> m.dedupeKey().equals(key)).findFirst().orElseThrow();
                    assertThat(e.outboxId()).isEqualTo(queued.id());
                    assertThat(e.messageId()).isEqualTo(queued.messageId());
                    assertThat(e.to()).isEqualTo(to);
                    assertThat(e.storeId()).isNull();
                    assertThat(e.sentAt()).isNotNull();
                });
    }
}
