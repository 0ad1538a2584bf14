package org.ruleone.experience;

import java.time.Duration;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.experience.internal.MysteryLinks;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.Formats;
import org.ruleone.platform.Photos;
import org.ruleone.shared.Money;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The manager reads a shopper's report, accepts it or returns it with a question, marks the reward paid, and the
 * reward shows in the ledger (issue 12, items 3 and 6).
 */
@IntegrationTest
@RecordApplicationEvents
@Import(StandardsTestSupport.class)
class MysteryReviewTests {

    static final Instant NOW = MysteryReportPageTests.NOW;

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MysteryLinks links;
    @Autowired MysteryReports reports;
    @Autowired MysteryReviews reviews;
    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired ApplicationEvents events;

    MysteryFixtures mystery;
    MysteryFixtures.Checklist list;
    MysteryFixtures.Visit visit;
    long store;
    SignedInAssociate owner;
    SignedInAssociate manager;

    @BeforeEach
    void aFrenchShopperWithAVisitToMake() {
        mystery = new MysteryFixtures(jdbc, links);
        owner = people.owner();
        store = StandardsTestSupport.storeClosedOnSunday(organization);
        manager = people.person(Role.MANAGER, store);
        list = mystery.checklist(owner.id());
        long shopper = mystery.shopper(store, "Claire Martin", "fr", "50", "PLN", owner.id());
        visit = mystery.visit(store, list, shopper, MysteryReportPageTests.FROM, MysteryReportPageTests.TO,
                MysteryReportPageTests.EXPIRES, "OWN_STORE", "", manager.id());
        clock.set(NOW);
    }

    @Test
    void aFrenchReportWithAnNaAndAFailedCriticalItemIsScoredByHandAcceptedPublishedPaidAndInTheLedger()
            throws Exception {
        mvc.perform(multipart("/mystery/" + visit.token()).with(csrf())
                        .param("answer-" + list.greeted(), "0").param("comment-" + list.greeted(), "Personne")
                        .param("answer-" + list.walked(), "na")
                        .param("answer-" + list.calm(), "4")
                        .param("answer-" + list.rings(), "3")
                        .param("answer-" + list.bag(), "1")
                        .param("visitDate", "2026-11-17").param("visitTime", "15:30").param("action", "submit"))
                .andExpect(redirectedUrl("/mystery/" + visit.token()));

        // possible: greeted 2 + calm 2 + rings 1 + bag 1 = 6 (walked is N/A); earned: 0 + 2 × 3/4 + 0 + 1 = 2.5
        mvc.perform(get("/experience/mystery/visits/" + visit.id()).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("41.67 %"), containsString("2.5 of 6 points"),
                        containsString("Flagged: a critical item failed."), containsString("mystery-critical-failed"),
                        containsString("Claire Martin"), containsString("Greeted on entry"), containsString("Personne"),
                        containsString("Report received"))));

        mvc.perform(post("/experience/mystery/visits/" + visit.id() + "/accept").with(csrf()).with(user(manager)))
                .andExpect(redirectedUrl("/experience/mystery/visits/" + visit.id() + "?result=accepted"));

        assertThat(mystery.status(visit.id())).isEqualTo("ACCEPTED");
        Map<String, Object> kept = jdbc.sql("select earned, possible, score, flagged, accepted_by from mystery_visit "
                + "where id = :id").param("id", visit.id()).query().singleRow();
        assertThat((BigDecimal) kept.get("earned")).isEqualByComparingTo("2.5");
        assertThat((BigDecimal) kept.get("possible")).isEqualByComparingTo("6");
        assertThat((BigDecimal) kept.get("score")).isEqualByComparingTo("41.67");
        assertThat(kept.get("flagged")).isEqualTo(true);
        assertThat(kept.get("accepted_by")).isEqualTo(manager.id());
        assertThat(events.stream(MysteryVisitAccepted.class)).singleElement().satisfies(e -> {
            assertThat(e.visitId()).isEqualTo(visit.id());
            assertThat(e.storeId()).isEqualTo(store);
            assertThat(e.percent()).isEqualByComparingTo("41.67");
            assertThat(e.flagged()).isTrue();
            assertThat(e.visitedAt()).isEqualTo(Instant.parse("2026-11-17T14:30:00Z"));
            assertThat(e.acceptedAt()).isEqualTo(NOW);
            assertThat(e.items()).extracting(MysteryVisitAccepted.ItemResult::key,
                            MysteryVisitAccepted.ItemResult::outcome)
                    .containsExactly(tuple("greeted", "FAILED"), tuple("walked", "NA"), tuple("calm", "PARTLY"),
                            tuple("rings", "FAILED"), tuple("bag", "PASSED"));
        });

        mvc.perform(post("/experience/mystery/visits/" + visit.id() + "/paid").with(csrf()).with(user(manager)))
                .andExpect(redirectedUrl("/experience/mystery/visits/" + visit.id() + "?result=paid"));

        assertThat(events.stream(MysteryRewardPaid.class)).singleElement().satisfies(e -> {
            assertThat(e.value()).isEqualTo(Money.of("50.00", "PLN"));
            assertThat(e.paidBy()).isEqualTo(manager.id());
        });
        String fifty = Formats.of(Locale.ENGLISH).money(Money.of("50.00", "PLN"));
        // the ledger hears of the payment after it is committed, on its own thread
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/service/reports/ledger")
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Mystery shopping rewards"),
                        containsString(">" + fifty + "<")))));
        mvc.perform(get("/service/reports/ledger.csv").with(user(manager)))
                .andExpect(content().string(allOf(containsString(",cost_kind,cost_count"),
                        containsString("2026-11,"), containsString(",PLN,,50.00,"),
                        containsString(",MYSTERY_SHOP,1"))));
    }

    @Test
    void aReturnedReportMailsTheQuestionWithANewLinkShowsItAndCanBeSentAgain() throws Exception {
        submitted();
        clock.set(NOW.plusSeconds(3600));

        mvc.perform(post("/experience/mystery/visits/" + visit.id() + "/return").with(csrf()).with(user(manager))
                        .param("question", "Qui vous a accueilli à la caisse ?"))
                .andExpect(redirectedUrl("/experience/mystery/visits/" + visit.id() + "?result=returned"));

        assertThat(mystery.status(visit.id())).isEqualTo("RETURNED");
        Map<String, Object> mail = jdbc.sql("select to_address, subject, text_body from mail_outbox where dedupe_key = :k")
                .param("k", "mystery-return:" + visit.id() + ":" + NOW.plusSeconds(3600).toEpochMilli())
                .query().singleRow();
        assertThat(mail.get("to_address")).isEqualTo("claire.martin@example.com");
        assertThat((String) mail.get("subject")).contains("une question sur votre visite mystère");
        assertThat((String) mail.get("text_body")).contains("Qui vous a accueilli à la caisse ?");
        Matcher link = Pattern.compile("/mystery/([A-Za-z0-9_-]{43})").matcher((String) mail.get("text_body"));
        assertThat(link.find()).isTrue();
        String newToken = link.group(1);
        assertThat(newToken).isNotEqualTo(visit.token());

        mvc.perform(get("/mystery/" + newToken))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Le responsable demande :"),
                        containsString("Qui vous a accueilli à la caisse ?"),
                        containsString("name=\"answer-" + list.calm() + "\" value=\"4\" checked"))));
        mvc.perform(multipart("/mystery/" + newToken).with(csrf())
                        .param("answer-" + list.greeted(), "1").param("answer-" + list.walked(), "na")
                        .param("answer-" + list.calm(), "4").param("answer-" + list.rings(), "3")
                        .param("answer-" + list.bag(), "1").param("comment-" + list.bag(), "C’était Anna.")
                        .param("visitDate", "2026-11-17").param("visitTime", "15:30").param("action", "submit"))
                .andExpect(redirectedUrl("/mystery/" + newToken));
        assertThat(mystery.status(visit.id())).isEqualTo("SUBMITTED");
        mvc.perform(get("/experience/mystery/visits/" + visit.id()).with(user(manager)))
                .andExpect(content().string(allOf(containsString("C’était Anna."),
                        containsString("Qui vous a accueilli à la caisse ?"))));
    }

    @Test
    void aReturnNeedsAQuestionAndKeepsTheVisitAsItWas() throws Exception {
        submitted();

        mvc.perform(post("/experience/mystery/visits/" + visit.id() + "/return").with(csrf()).with(user(manager))
                        .param("question", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write the question to ask the shopper.")));
        assertThat(mystery.status(visit.id())).isEqualTo("SUBMITTED");
    }

    @Test
    void refusesActionsInTheWrongStateAndPayingTwice() throws Exception {
        mvc.perform(post("/experience/mystery/visits/" + visit.id() + "/accept").with(csrf()).with(user(manager)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Nothing was changed.")));
        assertThat(mystery.status(visit.id())).isEqualTo("SCHEDULED");
        submitted();
        mvc.perform(post("/experience/mystery/visits/" + visit.id() + "/paid").with(csrf()).with(user(manager)))
                .andExpect(status().isConflict());
        mvc.perform(post("/experience/mystery/visits/" + visit.id() + "/accept").with(csrf()).with(user(owner)))
                .andExpect(redirectedUrl("/experience/mystery/visits/" + visit.id() + "?result=accepted"));
        mvc.perform(post("/experience/mystery/visits/" + visit.id() + "/accept").with(csrf()).with(user(manager)))
                .andExpect(status().isConflict());
        mvc.perform(post("/experience/mystery/visits/" + visit.id() + "/paid").with(csrf()).with(user(manager)))
                .andExpect(redirectedUrl("/experience/mystery/visits/" + visit.id() + "?result=paid"));
        mvc.perform(post("/experience/mystery/visits/" + visit.id() + "/paid").with(csrf()).with(user(owner)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("The reward was already marked paid.")));

        assertThat(events.stream(MysteryVisitAccepted.class)).hasSize(1);
        assertThat(events.stream(MysteryRewardPaid.class)).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                        "select count(*) from ledger_store_cost where source_id = :v").param("v", visit.id())
                .query(Integer.class).single()).isOne());
    }

    @Test
    void twoManagersAcceptingAtOnceAcceptOnce() throws Exception {
        submitted();
        SignedInAssociate second = people.person(Role.MANAGER, store);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<MysteryReviews.Result>> results = pool.invokeAll(List.of(
                    () -> {
                        start.await();
                        return reviews.accept(visit.id(), manager.id(), manager.storeScope());
                    },
                    () -> {
                        start.await();
                        return reviews.accept(visit.id(), second.id(), second.storeScope());
                    }));
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(
                    MysteryReviews.Result.DONE, MysteryReviews.Result.WRONG_STATUS);
        } finally {
            pool.shutdown();
        }
        assertThat(mystery.status(visit.id())).isEqualTo("ACCEPTED");
    }

    @Test
    void aGiftPaidWithoutAValueShowsInTheLedgerAsAGiftAndWithAValueAsMoney() throws Exception {
        long giftShopper = mystery.shopper(store, "Hanna Kowalska", "pl", null, null, owner.id());
        var gift = mystery.visit(store, list, giftShopper, MysteryReportPageTests.FROM, MysteryReportPageTests.TO,
                MysteryReportPageTests.EXPIRES, "OWN_STORE", "", manager.id());
        var valued = mystery.visit(store, list, giftShopper, MysteryReportPageTests.FROM, MysteryReportPageTests.TO,
                MysteryReportPageTests.EXPIRES, "BANK", "Bank Polski", manager.id());
        for (var v : List.of(gift, valued)) {
            submitted(v);
            mvc.perform(post("/experience/mystery/visits/" + v.id() + "/accept").with(csrf()).with(user(manager)));
        }
        mvc.perform(get("/experience/mystery/visits/" + gift.id()).with(user(manager)))
                .andExpect(content().string(containsString("Value of the gift in PLN (optional)")));
        mvc.perform(post("/experience/mystery/visits/" + valued.id() + "/paid").with(csrf()).with(user(manager))
                        .param("giftValue", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("value=\"abc\"")));

        mvc.perform(post("/experience/mystery/visits/" + gift.id() + "/paid").with(csrf()).with(user(manager)))
                .andExpect(redirectedUrl("/experience/mystery/visits/" + gift.id() + "?result=paid"));
        mvc.perform(post("/experience/mystery/visits/" + valued.id() + "/paid").with(csrf()).with(user(manager))
                        .param("giftValue", "35,50"))
                .andExpect(redirectedUrl("/experience/mystery/visits/" + valued.id() + "?result=paid"));

        assertThat(events.stream(MysteryRewardPaid.class)).extracting(MysteryRewardPaid::value)
                .containsExactly(null, Money.of("35.50", "PLN"));
        mvc.perform(get("/experience/mystery/visits/" + valued.id()).with(user(manager)))
                .andExpect(content().string(containsString(
                        "(" + Formats.of(Locale.ENGLISH).money(Money.of("35.50", "PLN")) + ")")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/service/reports/ledger")
                        .with(user(manager)))
                .andExpect(content().string(allOf(containsString("a gift, no value given"),
                        containsString(">" + Formats.of(Locale.ENGLISH).money(Money.of("35.50", "PLN")) + "<")))));
    }

    @Test
    void showsTheReceiptWithItsTypeToThoseWhoMaySeeTheVisitAndNotToAnotherStore() throws Exception {
        byte[] png = MysteryReportPageTests.png();
        submitted(visit, Photos.check(png));
        long otherStore = StandardsTestSupport.storeClosedOnSunday(organization);
        SignedInAssociate otherManager = people.person(Role.MANAGER, otherStore);
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);

        mvc.perform(get("/experience/mystery/visits/" + visit.id() + "/receipt").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox"))
                .andExpect(content().bytes(png));
        mvc.perform(get("/experience/mystery/visits/" + visit.id()).with(user(owner)))
                .andExpect(content().string(containsString("/experience/mystery/visits/" + visit.id() + "/receipt")));
        mvc.perform(get("/experience/mystery/visits/" + visit.id()).with(user(otherManager)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Claire Martin"))));
        mvc.perform(get("/experience/mystery/visits/" + visit.id() + "/receipt").with(user(otherManager)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/experience/mystery/visits/" + visit.id() + "/accept").with(csrf()).with(user(otherManager)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/experience/mystery/visits/" + visit.id()).with(user(associate)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/experience/mystery/visits/" + visit.id() + "/receipt").with(user(associate)))
                .andExpect(status().isForbidden());
        assertThat(mystery.status(visit.id())).isEqualTo("SUBMITTED");
    }

    @Test
    void showsTheShoppersHtmlEscaped() throws Exception {
        Map<Long, MysteryItemAnswer> answers = new HashMap<>(complete(visit));
        answers.put(list.bag(), new MysteryItemAnswer(list.bag(), false, BigDecimal.ONE,
                "<script>alert('x')</script>"));
        assertThat(reports.save(visit.id(), visit.shopperId(), new MysteryReport(answers,
                LocalDateTime.parse("2026-11-17T15:30"), "<img src=x onerror=alert(1)>"), null, true).result())
                .isEqualTo(MysteryReports.Result.SUBMITTED);

        mvc.perform(get("/experience/mystery/visits/" + visit.id()).with(user(manager)))
                .andExpect(content().string(allOf(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
                        containsString("&lt;img src=x onerror=alert(1)&gt;"), not(containsString("<script>alert")),
                        not(containsString("<img src=x")))));
    }

    private void submitted() {
        submitted(visit);
    }

    private void submitted(MysteryFixtures.Visit v) {
        submitted(v, null);
    }

    /** The shopper's report through the API the demo uses: every item answered, sent. */
    private void submitted(MysteryFixtures.Visit v, Photos.Photo receipt) {
        MysteryReports.Outcome outcome = reports.save(v.id(), v.shopperId(), new MysteryReport(complete(v),
                LocalDateTime.parse("2026-11-17T15:30"), "Le vendeur était très calme."), receipt, true);
        assertThat(outcome.result()).isEqualTo(MysteryReports.Result.SUBMITTED);
        assertThat(jdbc.sql("select submitted_at from mystery_visit where id = :id").param("id", v.id())
                .query(Timestamp.class).single()).isNotNull();
    }

    private Map<Long, MysteryItemAnswer> complete(MysteryFixtures.Visit v) {
        return Map.of(list.greeted(), new MysteryItemAnswer(list.greeted(), false, BigDecimal.ZERO, ""),
                list.walked(), new MysteryItemAnswer(list.walked(), true, null, ""),
                list.calm(), new MysteryItemAnswer(list.calm(), false, BigDecimal.valueOf(4), ""),
                list.rings(), new MysteryItemAnswer(list.rings(), false, BigDecimal.valueOf(3), ""),
                list.bag(), new MysteryItemAnswer(list.bag(), false, BigDecimal.ONE, ""));
    }
}
