package org.ruleone.experience;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.ConsentState;
import org.ruleone.customers.Consents;
import org.ruleone.experience.internal.InvitationScheduling;
import org.ruleone.experience.internal.InvitationSender;
import org.ruleone.mail.BounceReceived;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.purchases.PurchasesRecorded;
import org.ruleone.service.CaseResolved;
import org.ruleone.service.ResolutionKind;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Surveys after resolved cases and purchases, sent by {@link InvitationSender#sendDue} at times the tests choose
 * (the minute job is off in tests), asserting what was stored and what the outbox holds.
 */
@IntegrationTest
class SurveyInvitationTests {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    /** 10:00 in Warsaw. */
    static final Instant RESOLVED = Instant.parse("2031-03-03T09:00:00Z");
    static final Instant DUE = RESOLVED.plus(Duration.ofHours(24));

    @Autowired ServiceFixtures fixtures;
    @Autowired TestPeople people;
    @Autowired ClientBook book;
    @Autowired org.ruleone.organization.Organization organization;
    @Autowired Consents consents;
    @Autowired SurveyRuleBook ruleBook;
    @Autowired InvitationScheduling scheduling;
    @Autowired InvitationSender sender;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired MockMvc mvc;

    long store;
    SignedInAssociate served;
    long client;
    String email;

    @BeforeEach
    void storeAndClient() {
        store = fixtures.store("Ankiety", "PL", WARSAW);
        served = fixtures.named("Ewa Kowalska", Role.ASSOCIATE, store, Language.PL);
        email = "zofia-" + UUID.randomUUID() + "@example.com";
        client = book.findOrAdd(store, ClientBook.Contact.email(email), "Zofia", "Nowak", Language.PL).clientId();
    }

    @Test
    void schedulesTheSurveyADayAfterACaseIsResolvedCreditingTheAssociateWhoResolvedIt() {
        long caseId = newCaseId();
        transactions.executeWithoutResult(tx -> events.publishEvent(resolved(caseId, client, RESOLVED)));

        await().atMost(Duration.ofSeconds(20)).until(() -> invitations(client).size() == 1);
        Invitation invitation = invitations(client).getFirst();
        assertThat(invitation.status()).isEqualTo("SCHEDULED");
        assertThat(invitation.dueAt()).isEqualTo(RESOLVED.plus(Duration.ofHours(24)));
        assertThat(invitation.associateId()).isEqualTo(served.id());
        assertThat(invitation.caseId()).isEqualTo(caseId);

        scheduling.caseResolved(resolved(caseId, client, RESOLVED));
        assertThat(invitations(client)).as("a republished event adds nothing").hasSize(1);
    }

    @Test
    void sendsThePersonalSurveyMailInTheClientsLanguageFromTheAssociateWhenDue() {
        scheduling.caseResolved(resolved(newCaseId(), client, RESOLVED));

        sender.sendDue(DUE.minusSeconds(60));
        assertThat(invitations(client).getFirst().status()).isEqualTo("SCHEDULED");

        sender.sendDue(DUE);
        Invitation invitation = invitations(client).getFirst();
        assertThat(invitation.status()).isEqualTo("SENT");
        assertThat(invitation.sentAt()).isEqualTo(DUE);
        assertThat(invitation.expiresAt()).isEqualTo(DUE.plus(Duration.ofDays(30)));
        Mail mail = mail("survey:" + invitation.id()).orElseThrow();
        assertThat(mail.to()).isEqualTo(email);
        assertThat(mail.from()).isEqualTo(served.email());
        assertThat(mail.fromName()).startsWith("Ewa Kowalska · Ankiety");
        assertThat(mail.subject()).startsWith("Krótkie pytanie od Ankiety");
        assertThat(mail.text()).contains("Dzień dobry Zofia,").contains("Dziękujemy, że mogliśmy pomóc")
                .containsPattern("http://localhost[:0-9]*/survey/[A-Za-z0-9_-]{43}\n").contains("Ewa Kowalska");
        assertThat(mail.headers()).contains("List-Unsubscribe-Post\": \"List-Unsubscribe=One-Click")
                .contains("/public/unsubscribe/surveys/");
        assertThat(tokens(invitation.id())).isEqualTo(1);

        sender.sendDue(DUE.plusSeconds(60));
        assertThat(tokens(invitation.id())).as("sent once").isEqualTo(1);
    }

    @Test
    void skipsASecondSurveyWithinTheCooldownWhateverAskedIt() {
        scheduling.caseResolved(resolved(newCaseId(), client, RESOLVED));
        sender.sendDue(DUE);

        Instant bought = RESOLVED.plus(Duration.ofDays(5));
        scheduling.purchasesRecorded(purchases(null, bought));
        sender.sendDue(bought.plus(Duration.ofHours(24)));
        assertThat(invitations(client)).extracting(Invitation::trigger, Invitation::status, Invitation::skippedReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CASE_RESOLVED", "SENT", null),
                        org.assertj.core.groups.Tuple.tuple("PURCHASE", "SKIPPED", "COOLDOWN"));

        Instant later = RESOLVED.plus(Duration.ofDays(31));
        scheduling.purchasesRecorded(purchases(null, later));
        sender.sendDue(later.plus(Duration.ofHours(24)));
        Invitation third = invitations(client).getLast();
        assertThat(third.status()).as("31 days after the first").isEqualTo("SENT");
        Mail fromStore = mail("survey:" + third.id()).orElseThrow();
        assertThat(fromStore.fromName()).as("nobody is credited for a till's purchase")
                .startsWith(fixtures.storeName(store));
        assertThat(fromStore.from()).startsWith("surveys@");
        assertThat(fromStore.text()).contains("Dziękujemy za wizytę w " + fixtures.storeName(store));
    }

    @Test
    void waitsForTheEndOfTheStoresQuietHours() {
        Instant evening = Instant.parse("2031-03-03T20:30:00Z"); // 21:30 in Warsaw
        scheduling.caseResolved(resolved(newCaseId(), client, evening));

        sender.sendDue(evening.plus(Duration.ofHours(24)));
        Invitation postponed = invitations(client).getFirst();
        assertThat(postponed.status()).isEqualTo("SCHEDULED");
        assertThat(postponed.dueAt()).as("08:00 in Warsaw").isEqualTo(Instant.parse("2031-03-05T07:00:00Z"));
        assertThat(mail("survey:" + postponed.id())).isEmpty();

        sender.sendDue(Instant.parse("2031-03-05T06:59:00Z"));
        assertThat(invitations(client).getFirst().status()).isEqualTo("SCHEDULED");
        sender.sendDue(Instant.parse("2031-03-05T07:00:00Z"));
        assertThat(invitations(client).getFirst().status()).isEqualTo("SENT");
        assertThat(mail("survey:" + postponed.id())).isPresent();
    }

    @Test
    void aOneClickOptOutIsRecordedWithProofAndStopsRemindersAndLaterSurveys() throws Exception {
        scheduling.caseResolved(resolved(newCaseId(), client, RESOLVED));
        sender.sendDue(DUE);
        Invitation first = invitations(client).getFirst();
        String optOut = link(mail("survey:" + first.id()).orElseThrow().headers(), "<https?://[^/>]+(/public/unsubscribe/surveys/[^>]+)>");

        mvc.perform(get(optOut)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tak, bez ankiet")));
        mvc.perform(post(optOut).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isOk()).andExpect(content().string("unsubscribed\n"));

        ConsentState decision = consents.current(client, ConsentChannel.SURVEY).orElseThrow();
        assertThat(decision.granted()).isFalse();
        assertThat(decision.method()).isEqualTo(ConsentMethod.UNSUBSCRIBE);
        assertThat(decision.recordedBy()).isNull();
        assertThat(decision.wording()).startsWith("Nie chcę już otrzymywać ankiet od sklepu.")
                .contains("rezygnacja jednym kliknięciem").contains("zaproszenie " + first.id());

        sender.sendDue(DUE.plus(Duration.ofDays(3)));
        assertThat(mail("survey:" + first.id() + ":reminder:1")).as("no reminder").isEmpty();

        Instant bought = RESOLVED.plus(Duration.ofDays(40));
        scheduling.purchasesRecorded(purchases(null, bought));
        sender.sendDue(bought.plus(Duration.ofHours(24)));
        assertThat(invitations(client).getLast().skippedReason()).isEqualTo("OPTED_OUT");

        mvc.perform(post(optOut).param("List-Unsubscribe", "One-Click")).andExpect(status().isOk());
        assertThat(consents.history(client)).as("opting out twice records it once").hasSize(1);
        mvc.perform(post("/public/unsubscribe/surveys/s1.forged.123.abc").param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isNotFound());
    }

    @Test
    void remindsOnceAfterThreeDaysWithANewLinkWhileUnanswered() {
        scheduling.caseResolved(resolved(newCaseId(), client, RESOLVED));
        sender.sendDue(DUE);
        long id = invitations(client).getFirst().id();

        sender.sendDue(DUE.plus(Duration.ofDays(3)).minusSeconds(60));
        assertThat(mail("survey:" + id + ":reminder:1")).isEmpty();

        sender.sendDue(DUE.plus(Duration.ofDays(3)));
        Mail reminder = mail("survey:" + id + ":reminder:1").orElseThrow();
        assertThat(reminder.subject()).startsWith("Przypomnienie: krótkie pytanie od");
        assertThat(reminder.text()).contains("Pytaliśmy kilka dni temu");
        assertThat(link(reminder.text(), "(/survey/[A-Za-z0-9_-]{43})"))
                .isNotEqualTo(link(mail("survey:" + id).orElseThrow().text(), "(/survey/[A-Za-z0-9_-]{43})"));
        assertThat(tokens(id)).as("both links open the survey").isEqualTo(2);

        sender.sendDue(DUE.plus(Duration.ofDays(9)));
        assertThat(mail("survey:" + id + ":reminder:2")).as("one reminder by default").isEmpty();
    }

    @Test
    void remindsAPartlyAnsweredSurveyButNotACompletedOne() {
        ruleBook.save(new SurveyRules(store, true, 24, true, 24, true, 30, LocalTime.of(21, 0), LocalTime.of(8, 0),
                2, 2, 30), served.id());
        long other = book.findOrAdd(store, ClientBook.Contact.email("jan-" + UUID.randomUUID() + "@example.com"),
                "Jan", "Nowak", Language.PL).clientId();
        scheduling.caseResolved(resolved(newCaseId(), client, RESOLVED));
        scheduling.caseResolved(resolved(newCaseId(), other, RESOLVED));
        sender.sendDue(DUE);
        long partial = invitations(client).getFirst().id();
        long completed = invitations(other).getFirst().id();
        jdbc.sql("update survey_invitation set status = 'PARTIAL' where id = :id").param("id", partial).update();
        jdbc.sql("update survey_invitation set status = 'COMPLETED' where id = :id").param("id", completed).update();

        sender.sendDue(DUE.plus(Duration.ofDays(2)));
        sender.sendDue(DUE.plus(Duration.ofDays(4)));

        assertThat(mail("survey:" + partial + ":reminder:2")).isPresent();
        assertThat(mail("survey:" + completed + ":reminder:1")).isEmpty();
    }

    @Test
    void marksAnUnansweredSurveyExpiredAfterItsExpiryDays() {
        scheduling.caseResolved(resolved(newCaseId(), client, RESOLVED));
        sender.sendDue(DUE);

        sender.sendDue(DUE.plus(Duration.ofDays(30)).minusSeconds(1));
        assertThat(invitations(client).getFirst().status()).isEqualTo("SENT");
        sender.sendDue(DUE.plus(Duration.ofDays(30)));
        assertThat(invitations(client).getFirst().status()).isEqualTo("EXPIRED");
    }

    @Test
    void aBounceMarksTheInvitation() {
        scheduling.caseResolved(resolved(newCaseId(), client, RESOLVED));
        sender.sendDue(DUE);
        long id = invitations(client).getFirst().id();
        String messageId = jdbc.sql("select message_id from mail_outbox where dedupe_key = :k")
                .param("k", "survey:" + id).query(String.class).single();

        transactions.executeWithoutResult(tx -> events.publishEvent(
                new BounceReceived(messageId, email, true, DUE.plusSeconds(600))));

        await().atMost(Duration.ofSeconds(20)).until(() -> invitations(client).getFirst().status().equals("BOUNCED"));
        sender.sendDue(DUE.plus(Duration.ofDays(3)));
        assertThat(mail("survey:" + id + ":reminder:1")).as("no reminder to a dead address").isEmpty();
    }

    @Test
    void asksAfterATillsPurchasesButNeverAfterImportedHistory() {
        Instant at = RESOLVED;
        scheduling.purchasesRecorded(purchases(77L, at));
        assertThat(invitations(client)).isEmpty();

        scheduling.purchasesRecorded(purchases(null, at));
        scheduling.purchasesRecorded(purchases(null, at));
        assertThat(invitations(client)).singleElement().satisfies(i -> {
            assertThat(i.trigger()).isEqualTo("PURCHASE");
            assertThat(i.status()).isEqualTo("SCHEDULED");
            assertThat(i.dueAt()).isEqualTo(at.plus(Duration.ofHours(24)));
            assertThat(i.associateId()).isNull();
        });
    }

    @Test
    void skipsWhenTheStoreTurnedTheRuleOffOrTheClientHasNoAddress() {
        ruleBook.save(new SurveyRules(store, false, 24, true, 24, true, 30, LocalTime.of(21, 0), LocalTime.of(8, 0),
                1, 3, 30), served.id());
        long phoneOnly = book.findOrAdd(store, ClientBook.Contact.phone("+48 601 " + (100_000 + (int) (Math.random() * 899_999))),
                "Adam", "Nowak", Language.PL).clientId();
        scheduling.caseResolved(resolved(newCaseId(), client, RESOLVED));
        scheduling.purchasesRecorded(new PurchasesRecorded(store, null,
                List.of(new PurchasesRecorded.ClientPurchases(phoneOnly, RESOLVED, RESOLVED, true)), RESOLVED));

        sender.sendDue(DUE);

        assertThat(invitations(client).getFirst().skippedReason()).isEqualTo("RULE_OFF");
        assertThat(invitations(phoneOnly).getFirst().skippedReason()).isEqualTo("NO_EMAIL");
    }

    @Test
    void theMailComesFromTheStoreWhenTheAssociateWhoServedHasLeft() {
        scheduling.caseResolved(resolved(newCaseId(), client, RESOLVED));
        organization.deactivate(served.id());

        sender.sendDue(DUE);

        Mail mail = mail("survey:" + invitations(client).getFirst().id()).orElseThrow();
        assertThat(mail.fromName()).isEqualTo(fixtures.storeName(store) + " · " + fixtures.storeName(store));
        assertThat(mail.from()).startsWith("surveys@");
        assertThat(invitations(client).getFirst().associateId()).as("the answer is still theirs").isEqualTo(served.id());
    }

    @Test
    void theInvitationListsOnTheClientsTimeline() throws Exception {
        long caseId = newCaseId();
        scheduling.caseResolved(resolved(caseId, client, RESOLVED));
        sender.sendDue(DUE);

        mvc.perform(get("/clients/" + client).with(user(people.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Survey after case #" + caseId)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("sent, not answered yet")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("the client gets a short survey")));
    }

    record Invitation(long id, String trigger, String status, String skippedReason, Instant dueAt, Instant sentAt,
                      Instant expiresAt, Long associateId, Long caseId) {
    }

    record Mail(String from, String fromName, String to, String subject, String text, String headers) {
    }

    private List<Invitation> invitations(long customerId) {
        return jdbc.sql("""
                select id, trigger, status, skipped_reason, due_at, sent_at, expires_at, associate_id, case_id
                  from survey_invitation where customer_id = :c order by id
                """).param("c", customerId)
                .query((rs, n) -> new Invitation(rs.getLong("id"), rs.getString("trigger"), rs.getString("status"),
                        rs.getString("skipped_reason"), rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                        rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant(),
                        rs.getObject("associate_id", Long.class), rs.getObject("case_id", Long.class)))
                .list();
    }

    private Optional<Mail> mail(String key) {
        return jdbc.sql("""
                select from_address, from_name, to_address, subject, text_body, extra_headers::text as headers
                  from mail_outbox where dedupe_key = :k
                """).param("k", key)
                .query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .optional();
    }

    private int tokens(long invitationId) {
        return jdbc.sql("select count(*) from survey_token where invitation_id = :id").param("id", invitationId)
                .query(Integer.class).single();
    }

    private static String link(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as(pattern + " in " + text).isTrue();
        return m.group(1);
    }

    private CaseResolved resolved(long caseId, long customerId, Instant at) {
        return new CaseResolved(caseId, store, customerId, served.id(), ResolutionKind.ANSWERED,
                Money.of("0", "PLN"), "Answered on the spot", at);
    }

    private PurchasesRecorded purchases(Long importId, Instant at) {
        return new PurchasesRecorded(store, importId,
                List.of(new PurchasesRecorded.ClientPurchases(client, at, at, false)), at);
    }

    private static long newCaseId() {
        return 900_000_000L + (System.nanoTime() % 100_000_000L);
    }
}
