package org.ruleone.mailroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.mail.BounceReceived;
import org.ruleone.mailroom.internal.InboundRouter.Outcome;
import org.ruleone.mail.MailAttachment;
import org.ruleone.mailroom.internal.InboundAttachments;
import org.ruleone.mailroom.internal.Mailboxes;
import org.ruleone.mailroom.internal.MailroomPoller;
import org.ruleone.service.AuthorKind;
import org.ruleone.service.CaseAttachment;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseFact;
import org.ruleone.service.CaseFactsSource;
import org.ruleone.service.CaseMessage;
import org.ruleone.service.Channel;
import org.ruleone.service.ServiceCase;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Mail read from a store's mailbox finds its client and its case, or opens one; machines' mail opens nothing. */
@IntegrationTest
@RecordApplicationEvents
class MailThreadingTests extends MailroomTestSupport {

    @Autowired MailroomPoller poller;
    @Autowired Mailboxes mailboxes;
    @Autowired CaseDesk desk;
    @Autowired ClientBook clients;
    @Autowired List<CaseFactsSource> factSources;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;
    @Autowired InboundAttachments tooLarge;
    @Autowired ApplicationEvents events;

    long store;
    String address;

    @BeforeEach
    void aPolishStoreReadingItsMailbox() {
        store = people.store("Threads " + System.nanoTime()); // TestPeople's stores speak Polish
        address = newMailbox("threads");
        mailboxes.save(store, address, "127.0.0.1", imapPort(), false, address, PASSWORD);
    }

    @Test
    void aNewCustomersMailOpensAnEmailCaseForANewClientInTheStoresLanguage() throws Exception {
        deliver("""
                From: =?UTF-8?Q?Zofia_W=C3=B3jcik?= <zofia@example.pl>
                To: %s
                Subject: Reklamacja butów
                Message-ID: <first-zofia@example.pl>
                Content-Type: text/plain; charset=UTF-8

                Podeszwa odkleiła się po tygodniu.
                """.formatted(address), address);

        MailroomPoller.Poll poll = poller.pollStore(store);

        assertThat(poll.outcomes()).containsEntry(Outcome.OPENED_CASE, 1);
        ServiceCase opened = onlyCase();
        assertThat(opened.channel()).isEqualTo(Channel.EMAIL);
        assertThat(opened.subject()).isEqualTo("Reklamacja butów");
        assertThat(opened.language()).isEqualTo(Language.PL);
        assertThat(opened.messages()).extracting(CaseMessage::body).containsExactly("Podeszwa odkleiła się po tygodniu.");
        Client client = clients.client(opened.customerId(), Optional.of(store)).orElseThrow();
        assertThat(client.firstName()).isEqualTo("Zofia");
        assertThat(client.lastName()).isEqualTo("Wójcik");
        assertThat(client.email()).isEqualTo("zofia@example.pl");
    }

    @Test
    void answersJoinTheirCaseByInReplyToReferencesOrTheCaseReferenceInTheSubject() throws Exception {
        deliver(mail("<q1@example.fr>", "", "Ourlet du pantalon", "Il est trop long."), address);
        poller.pollStore(store);
        long caseId = onlyCase().id();
        deliver(mail("<q2@example.fr>", "In-Reply-To: <q1@example.fr>\n", "Re: Ourlet du pantalon", "Deux centimètres."), address);
        deliver(mail("<q3@example.fr>", "References: <q1@example.fr> <unknown@x>\n", "Re: Ourlet", "Merci."), address);
        deliver(mail("<q4@example.fr>", "", "Toujours là ? [#" + caseId + "]", "Des nouvelles ?"), address);

        MailroomPoller.Poll poll = poller.pollStore(store);

        assertThat(poll.outcomes()).containsEntry(Outcome.ADDED_TO_CASE, 3).doesNotContainKey(Outcome.OPENED_CASE);
        assertThat(desk.find(caseId, Optional.of(store)).orElseThrow().messages())
                .filteredOn(m -> m.author() == AuthorKind.CUSTOMER).extracting(CaseMessage::body)
                .containsExactly("Il est trop long.", "Deux centimètres.", "Merci.", "Des nouvelles ?");
    }

    @Test
    void aCaseReferenceToAnotherClientsCaseOpensANewCaseInstead() throws Exception {
        deliver(mail("<a1@example.fr>", "", "Veste", "Ma veste."), address);
        poller.pollStore(store);
        long othersCase = onlyCase().id();
        deliver("""
                From: Mallory <mallory@example.com>
                To: %s
                Subject: Re: Veste [#%d]
                Message-ID: <m1@example.com>

                Let me in.
                """.formatted(address, othersCase), address);

        MailroomPoller.Poll poll = poller.pollStore(store);

        assertThat(poll.outcomes()).containsEntry(Outcome.OPENED_CASE, 1);
        assertThat(desk.find(othersCase, Optional.of(store)).orElseThrow().messages()).hasSize(1);
    }

    @Test
    void autoRepliesAndBouncesOpenNoCaseAndABouncePublishesWhatFailed() throws Exception {
        deliver("""
                From: Claire <claire@example.fr>
                To: %s
                Subject: Absence du bureau
                Auto-Submitted: auto-replied
                Message-ID: <ooo@example.fr>

                Je suis en congés.
                """.formatted(address), address);
        deliver("""
                From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
                To: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-1@mx.example.com>
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                I could not deliver your mail.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; gone@example.org
                Action: failed
                Status: 5.1.1
                --b
                Content-Type: message/rfc822

                From: Shop <%s>
                To: gone@example.org
                Subject: Re: Hem [#1]
                Message-ID: <our-reply-1@rule-one>

                Your trousers are ready.
                --b--
                """.formatted(address, address), address);

        MailroomPoller.Poll poll = poller.pollStore(store);

        assertThat(poll.outcomes()).containsEntry(Outcome.AUTO_REPLY, 1).containsEntry(Outcome.BOUNCE, 1)
                .doesNotContainKey(Outcome.OPENED_CASE);
        assertThat(cases()).isEmpty();
        assertThat(events.stream(BounceReceived.class))
                .anySatisfy(bounce -> {
                    assertThat(bounce.recipient()).isEqualTo("gone@example.org");
                    assertThat(bounce.originalMessageId()).isEqualTo("<our-reply-1@rule-one>");
                    assertThat(bounce.permanent()).isTrue();
                });
    }

    @Test
    void attachmentsGoOntoTheCaseOnlyItsStoreSeesAndTooLargeOnesAreNoted() throws Exception {
        deliver("""
                From: Piotr <piotr@example.pl>
                To: %s
                Subject: Paragon
                Message-ID: <receipt-%d@example.pl>
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=UTF-8

                W załączniku paragon.
                --b
                Content-Type: application/pdf; name="paragon.pdf"
                Content-Disposition: attachment; filename="paragon.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQKJcfsj6IKJSVFT0YK
                --b--
                """.formatted(address, System.nanoTime()), address);
        poller.pollStore(store);
        long caseId = onlyCase().id();

        assertThat(desk.attachments(caseId, Optional.of(store))).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("paragon.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
            assertThat(file.associateId()).isNull();
            assertThat(desk.attachment(caseId, file.id(), Optional.of(store))).get()
                    .extracting(CaseAttachment.File::content)
                    .isEqualTo(java.util.Base64.getDecoder().decode("JVBERi0xLjQKJcfsj6IKJSVFT0YK"));
        });
        long otherStore = people.store("Other " + System.nanoTime());
        assertThat(desk.attachments(caseId, Optional.of(otherStore))).isEmpty();

        long inbound = jdbc.sql("select id from mailroom_inbound where case_id = :case").param("case", caseId)
                .query(Long.class).single();
        tooLarge.keep(store, caseId, inbound, List.of(new MailAttachment("video.mov", "video/quicktime",
                40L * 1024 * 1024, true, new byte[0])));
        List<CaseFact> facts = factSources.stream().flatMap(s -> s.facts(caseId, Locale.ENGLISH).stream())
                .filter(fact -> fact.label().equals("Attachment")).toList();
        assertThat(facts).singleElement().satisfies(fact -> {
            assertThat(fact.value()).isEqualTo("video.mov (40.0 MB) was too large to keep");
            assertThat(fact.tone()).isEqualTo(CaseFact.Tone.WARNING);
        });
    }

    private static String mail(String messageId, String extraHeaders, String subject, String body) {
        return """
                From: Louise Martin <louise@example.fr>
                To: shop@example.com
                Subject: %s
                Message-ID: %s
                %sContent-Type: text/plain; charset=UTF-8

                %s
                """.formatted(subject, messageId, extraHeaders, body);
    }

    private List<Long> cases() {
        return jdbc.sql("select id from service_case where store_id = :store").param("store", store)
                .query(Long.class).list();
    }

    private ServiceCase onlyCase() {
        List<Long> ids = jdbc.sql("select id from service_case where store_id = :store order by id")
                .param("store", store).query(Long.class).list();
        assertThat(ids).hasSize(1);
        return desk.find(ids.getFirst(), Optional.of(store)).orElseThrow();
    }
}
