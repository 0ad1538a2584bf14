package org.ruleone.privacy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.customers.PostalAddress;
import org.ruleone.customers.RetentionTarget.RetentionRule;
import org.ruleone.experience.SurveyFixtures;
import org.ruleone.experience.internal.SurveyTokens;
import org.ruleone.mail.ParseResult;
import org.ruleone.mail.Quarantine;
import org.ruleone.mail.QuarantineReason;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.privacy.internal.RetentionSchedule;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.service.Resolution;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Retention rules with a moved clock (issue 15, item 3; ADR 0118). The data is made in 1990 and the run is in 1995,
 * so the cut-offs touch nothing the other tests of the shared database made.
 */
@IntegrationTest
@Import(StandardsTestSupport.class)
class RetentionTests {

    static final Instant THEN = Instant.parse("1990-03-01T10:00:00Z");
    static final Instant LATER = Instant.parse("1994-06-01T10:00:00Z");
    static final Instant RUN = Instant.parse("1995-03-01T10:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired ClientBook book;
    @Autowired Consents consents;
    @Autowired CaseDesk desk;
    @Autowired TillPurchases tills;
    @Autowired Quarantine quarantine;
    @Autowired SurveyTokens tokens;
    @Autowired Retention retention;
    @Autowired RetentionSchedule schedule;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired TransactionTemplate transactions;

    long store;
    SignedInAssociate owner;
    SignedInAssociate manager;

    @BeforeEach
    void people() {
        clock.set(THEN);
        store = people.store("Retention " + UUID.randomUUID());
        owner = people.owner();
        manager = people.person(Role.MANAGER, store);
    }

    @AfterEach
    void rulesOff() {
        // The rules live in the shared database: off again, so no nightly run touches the other tests' data.
        for (RetentionRule rule : RetentionRule.values()) {
            retention.set(rule, Optional.empty(), owner.id());
        }
    }

    private long client(String name) {
        return book.add(new ClientDraft(store, "POS-" + UUID.randomUUID(), name, "Retention", null, null,
                PostalAddress.NONE, Language.EN, "", List.of(), List.of(), "", null));
    }

    private void bought(long client, Instant at) {
        String pos = book.client(client, Optional.empty()).orElseThrow().externalId();
        tills.record(new TillPurchase(store, "INV-" + UUID.randomUUID(), at, pos, "FR",
                List.of(new TillPurchase.Line("SKU-1", "Boots", 1, new BigDecimal("50.00")))));
    }

    private long answer(long client, String comment) throws Exception {
        var sent = new SurveyFixtures(jdbc, tokens).sent(store, client, manager.id(), "IN_STORE", null, "en",
                clock.instant());
        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("comeBack", "8").param("satisfaction", "4")
                .param("comment", comment).param("action", "send"));
        return jdbc.sql("select id from survey_answer where invitation_id = :i").param("i", sent.invitationId())
                .query(Long.class).single();
    }

    private String body(long caseId) {
        return String.join("|", jdbc.sql("select body from case_message where case_id = :c order by id")
                .param("c", caseId).query(String.class).list());
    }

    @Test
    void appliesEachRuleOnlyToWhatIsOlderThanItsPeriodAndTheRunDoesWhatThePreviewSaid() throws Exception {
        assertThat(retention.preview()).as("every rule is off until the owner sets it").isEmpty();
        long idle = client("Idle");
        long buyer = client("Buyer");
        long consenter = client("Consenter");
        long served = client("Served");
        long oldCase = desk.open(new CaseDraft(store, served, manager.id(), Channel.IN_STORE, "Old boots", null,
                "Old text about the boots"), Optional.of(store));
        desk.resolve(oldCase, Optional.of(store), manager.id(), Resolution.refund(Money.of(new BigDecimal("20"), "EUR"),
                false), "Refund");
        long openCase = desk.open(new CaseDraft(store, served, manager.id(), Channel.IN_STORE, "Open boots", null,
                "Still open text"), Optional.of(store));
        long waiting = client("Waiting");
        desk.open(new CaseDraft(store, waiting, manager.id(), Channel.IN_STORE, "Never answered", null, "Hello?"),
                Optional.of(store));
        long oldAnswer = answer(buyer, "Old comment");
        long oldMail = quarantine.put("Subject: old\r\n\r\nold".getBytes(StandardCharsets.UTF_8),
                new ParseResult.Quarantined(QuarantineReason.UNREADABLE, "old"), store);

        clock.set(LATER);
        bought(buyer, LATER);
        bought(served, LATER);
        consents.record(consenter, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, manager.id());
        long newAnswer = answer(served, "Recent comment");

        clock.set(RUN.minusSeconds(5 * 86_400));
        long newMail = quarantine.put("Subject: new\r\n\r\nnew".getBytes(StandardCharsets.UTF_8),
                new ParseResult.Quarantined(QuarantineReason.UNREADABLE, "new"), store);

        clock.set(RUN);
        mvc.perform(post("/privacy/retention").with(csrf()).with(user(owner))
                        .param("period.IDLE_CLIENTS", "2").param("period.CLOSED_CASE_TEXT", "1")
                        .param("period.QUARANTINED_MAIL", "30").param("period.SURVEY_COMMENTS", "1"))
                .andExpect(redirectedUrl("/privacy/retention"));

        List<Retention.Planned> preview = retention.preview();
        String page = mvc.perform(get("/privacy/retention").with(user(manager))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<RetentionRule, Retention.Planned> planned = preview.stream()
                .collect(toMap(Retention.Planned::rule, p -> p));
        assertThat(planned.get(RetentionRule.IDLE_CLIENTS).touched().first()).contains("#" + idle + " Idle Retention");
        assertThat(planned.get(RetentionRule.CLOSED_CASE_TEXT).touched().first()).contains("#" + oldCase);
        assertThat(planned.get(RetentionRule.SURVEY_COMMENTS).touched().first()).contains("#" + oldAnswer);
        assertThat(planned.get(RetentionRule.QUARANTINED_MAIL).touched().first()).contains("#" + oldMail + " UNREADABLE");
        assertThat(page).contains("#" + idle + " Idle Retention").contains("data-rule=\"CLOSED_CASE_TEXT\"");

        Retention.Run run = schedule.runOnce(Optional.empty()).orElseThrow();

        preview.forEach(p -> assertThat(run.touched().get(p.rule())).as(p.rule().name())
                .isEqualTo(p.touched().count()));
        assertThat(book.client(idle, Optional.empty()).orElseThrow().firstName()).startsWith("E-");
        assertThat(jdbc.sql("select source from privacy_erasure where customer_id = :c").param("c", idle)
                .query(String.class).single()).isEqualTo("RETENTION");
        for (long kept : List.of(buyer, consenter, served, waiting)) {
            assertThat(book.client(kept, Optional.empty()).orElseThrow().lastName()).isEqualTo("Retention");
        }
        assertThat(body(oldCase)).matches("\\|*");
        assertThat(body(openCase)).isEqualTo("Still open text");
        assertThat(jdbc.sql("select comment from survey_answer where id = :a").param("a", oldAnswer)
                .query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("select comment from survey_answer where id = :a").param("a", newAnswer)
                .query(String.class).single()).isEqualTo("Recent comment");
        assertThat(quarantine.entry(oldMail)).isEmpty();
        assertThat(quarantine.entry(newMail)).isPresent();
        assertThat(retention.preview()).allSatisfy(p -> assertThat(p.touched().count()).as(p.rule().name()).isZero());
        assertThat(retention.runs(1)).extracting(Retention.Run::id).containsExactly(run.id());
    }

    @Test
    void runsOnceAcrossNodesSkippingWhileAnotherHoldsTheLock() throws Exception {
        var held = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        Thread other = new Thread(() -> transactions.executeWithoutResult(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('ruleone-retention'))").query(Object.class).list();
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        other.start();
        held.await();
        try {
            assertThat(schedule.runOnce(Optional.empty())).isEmpty();
        } finally {
            release.countDown();
            other.join();
        }
        assertThat(schedule.runOnce(Optional.empty())).isPresent();
    }

    @Test
    void letsOnlyTheOwnerChangeTheRulesAndNoAssociateSeeThem() throws Exception {
        mvc.perform(post("/privacy/retention").with(csrf()).with(user(manager)).param("period.IDLE_CLIENTS", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/privacy/retention/run").with(csrf()).with(user(manager))).andExpect(status().isForbidden());
        mvc.perform(get("/privacy/retention").with(user(people.person(Role.ASSOCIATE, store))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/privacy/retention").with(csrf()).with(user(owner)).param("period.SURVEY_COMMENTS", "0"))
                .andExpect(redirectedUrl("/privacy/retention"));
        assertThat(retention.settings()).allSatisfy(s -> assertThat(s.period()).isEmpty());
    }
}
