package org.ruleone.mailroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.mail.Outbox;
import org.ruleone.mail.OutboxEntry;
import org.ruleone.mailroom.internal.InboundRouter.Outcome;
import org.ruleone.mailroom.internal.Mailboxes;
import org.ruleone.mailroom.internal.MailroomPoller;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.AuthorKind;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.CaseMessage;
import org.ruleone.service.CaseReplied;
import org.ruleone.service.Channel;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Replies to cases leave through the outbox to GreenMail with the headers that bring the answer back to the case. */
@IntegrationTest
@AutoConfigureMockMvc
class CaseRepliesByEmailTests extends MailroomTestSupport {

    @Autowired MailroomPoller poller;
    @Autowired Mailboxes mailboxes;
    @Autowired CaseDesk desk;
    @Autowired Outbox outbox;
    @Autowired ClientBook clients;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    long store;
    String storeAddress;
    SignedInAssociate associate;

    @BeforeEach
    void aStoreWithItsMailboxAndAnAssociate() {
        store = people.store("Replies " + System.nanoTime());
        storeAddress = newMailbox("store");
        mailboxes.save(store, storeAddress, "127.0.0.1", imapPort(), false, storeAddress, PASSWORD);
        associate = people.person(Role.ASSOCIATE, store);
    }

    @Test
    void customerWritesAssociateRepliesAndTheCustomersAnswerJoinsTheSameCase() throws Exception {
        String customer = newMailbox("celine");
        String first = "<c1-" + System.nanoTime() + "@localhost>";
        deliver("""
                From: Céline Dubois <%s>
                To: %s
                Subject: Bouton manquant
                Message-ID: %s
                Content-Type: text/plain; charset=UTF-8

                Il manque un bouton à ma veste.
                """.formatted(customer, storeAddress, first), storeAddress);
        poller.pollStore(store);
        long caseId = onlyCase();

        desk.reply(caseId, Optional.of(store), associate.id(), "Nous recousons le bouton demain.", true);
        outbox.sendDue();

        MimeMessage sent = receivedBy(customer);
        InternetAddress from = (InternetAddress) sent.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(storeAddress);
        assertThat(from.getPersonal()).isEqualTo(associate.name());
        assertThat(((InternetAddress) sent.getReplyTo()[0]).getAddress()).isEqualTo(storeAddress);
        assertThat(sent.getSubject()).isEqualTo("Re: Bouton manquant [#" + caseId + "]");
        assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo(first);
        assertThat(sent.getHeader("References", null)).contains(first);
        assertThat(sent.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(customer);
        assertThat(text(sent)).contains("Nous recousons le bouton demain.");

        deliver("""
                From: Céline Dubois <%s>
                To: %s
                Subject: Merci
                Message-ID: <c2-%d@localhost>
                In-Reply-To: %s
                References: %s %s
                Content-Type: text/plain; charset=UTF-8

                Merci beaucoup !
                """.formatted(customer, storeAddress, System.nanoTime(), sent.getMessageID(), first,
                sent.getMessageID()), storeAddress);
        MailroomPoller.Poll answer = poller.pollStore(store);

        assertThat(answer.outcomes()).containsEntry(Outcome.ADDED_TO_CASE, 1);
        assertThat(desk.find(caseId, Optional.of(store)).orElseThrow().messages())
                .extracting(CaseMessage::author, CaseMessage::body)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuthorKind.CUSTOMER, "Il manque un bouton à ma veste."),
                        org.assertj.core.groups.Tuple.tuple(AuthorKind.ASSOCIATE, "Nous recousons le bouton demain."),
                        org.assertj.core.groups.Tuple.tuple(AuthorKind.CUSTOMER, "Merci beaucoup !"));
    }

    @Test
    void theMailSaysWhatTheReplyEventCarriesWithoutRereadingTheCase() {
        String email = "ines-" + System.nanoTime() + "@example.com";
        long client = clients.add(new ClientDraft(store, null, "Inès", "Roy", email, null, null, Language.FR, null,
                null, null, null, null));
        long caseId = desk.open(new CaseDraft(store, client, null, Channel.IN_STORE, "Chaussures", null, "Talon"),
                Optional.of(store));

        transaction.executeWithoutResult(status -> events.publishEvent(new CaseReplied(caseId, store, client,
                associate.id(), Channel.IN_STORE, Language.FR, "Talon cassé", "Prêt lundi.", true, true,
                Instant.parse("2026-12-03T10:00:00Z"))));

        assertThat(outbox.newestFirst(1000)).filteredOn(e -> email.equals(e.to()))
                .extracting(OutboxEntry::subject).containsExactly("Re: Talon cassé [#" + caseId + "]");
    }

    @Test
    void noReplyIsMailedToAnAddressThatOnlyEverSentAutomaticMail() throws Exception {
        String robot = "robot-" + System.nanoTime() + "@example.com";
        deliver("""
                From: <%s>
                To: %s
                Subject: Automatic reply
                Auto-Submitted: auto-replied
                Message-ID: <auto-%d@example.com>

                I am away.
                """.formatted(robot, storeAddress, System.nanoTime()), storeAddress);
        poller.pollStore(store);
        long client = clients.add(new ClientDraft(store, null, "Robot", "Away", robot, null, null, Language.EN, null,
                null, null, null, null));
        long caseId = desk.open(new CaseDraft(store, client, null, Channel.IN_STORE, "Shoes", null, "Resole please"),
                Optional.of(store));

        desk.reply(caseId, Optional.of(store), associate.id(), "Ready on Monday.", true);

        assertThat(outbox.newestFirst(1000)).extracting(OutboxEntry::to).doesNotContain(robot);
        assertThat(desk.find(caseId, Optional.of(store)).orElseThrow().messages()).hasSize(2);
    }

    @Test
    void aReplyToAClientWithoutAnAddressIsStillRecorded() {
        long client = clients.add(new ClientDraft(store, null, "No", "Mail", null, null, null, Language.EN, null,
                null, null, null, null));
        long caseId = desk.open(new CaseDraft(store, client, null, Channel.PHONE, "Belt", null, "Too long"),
                Optional.of(store));

        assertThat(desk.reply(caseId, Optional.of(store), associate.id(), "Cut it to 90 cm.", true)).isTrue();
        assertThat(desk.find(caseId, Optional.of(store)).orElseThrow().messages()).hasSize(2);
    }

    @Test
    void theContactFormConfirmsAsAnAutomaticAnswerInTheChosenLanguageWithNoInjectedHeader() throws Exception {
        String customer = newMailbox("eve");
        String victim = newMailbox("victim");
        mvc.perform(post("/contact/{id}", store).header("Accept-Language", "fr")
                        .param("name", "Eve\r\nBcc: " + victim).param("email", customer).param("phone", "")
                        .param("message", "Bonjour\r\nBcc: " + victim + "\r\n\r\nLa robe en 38 ?").param("website", "")
                        .with(csrf()).with(r -> {
                            r.setRemoteAddr("192.0.2." + (System.nanoTime() % 200));
                            return r;
                        }))
                .andExpect(status().is3xxRedirection());
        outbox.sendDue();

        MimeMessage confirmation = receivedBy(customer);
        long caseId = onlyCase();
        assertThat(confirmation.getSubject()).isEqualTo("Nous avons bien reçu votre message [#" + caseId + "]");
        assertThat(confirmation.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(confirmation.getHeader("Bcc")).isNull();
        assertThat(confirmation.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly(customer);
        assertThat(((InternetAddress) confirmation.getRecipients(Message.RecipientType.TO)[0]).getPersonal())
                .doesNotContain("\r", "\n");
        // Not a relay: nothing the visitor typed is sent back to the address they gave.
        assertThat(text(confirmation)).contains("Bonjour,", "n° " + caseId)
                .doesNotContain("La robe en 38", "Bcc", "Eve");
        assertThat(receivedCount(victim)).isZero();

        deliver("""
                From: Eve <%s>
                To: %s
                Subject: Re: %s
                Message-ID: <eve-2-%d@localhost>
                In-Reply-To: %s

                Et en 40 ?
                """.formatted(customer, storeAddress, "ignored", System.nanoTime(), confirmation.getMessageID()),
                storeAddress);
        assertThat(poller.pollStore(store).outcomes()).containsEntry(Outcome.ADDED_TO_CASE, 1);
        assertThat(desk.find(caseId, Optional.of(store)).orElseThrow().channel()).isEqualTo(Channel.WEB_FORM);
    }

    private long onlyCase() {
        List<Long> ids = jdbc.sql("select id from service_case where store_id = :store order by id")
                .param("store", store).query(Long.class).list();
        assertThat(ids).hasSize(1);
        return ids.getFirst();
    }

    private static MimeMessage receivedBy(String address) throws Exception {
        for (int i = 0; i < 100; i++) {
            for (MimeMessage message : GREEN_MAIL.getReceivedMessages()) {
                Object[] to = message.getRecipients(Message.RecipientType.TO);
                if (to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equals(address))) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail reached " + address);
    }

    /** What reached the address's own mailbox, whatever the headers say (a Bcc leaves no header). */
    private static int receivedCount(String address) throws Exception {
        return GREEN_MAIL.getManagers().getImapHostManager()
                .getInbox(GREEN_MAIL.getUserManager().getUserByEmail(address)).getMessageCount();
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String text) {
            return text;
        }
        jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) content;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof String text) {
                all.append(text);
            }
        }
        return all.toString();
    }
}
