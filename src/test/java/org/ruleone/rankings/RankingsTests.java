package org.ruleone.rankings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.experience.MysteryVisitAccepted;
import org.ruleone.experience.SurveyAnswered;
import org.ruleone.experience.SurveyChannel;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.rankings.internal.Facts;
import org.ruleone.rankings.internal.Measure;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.recognition.HeroicReported;
import org.ruleone.service.CaseResolved;
import org.ruleone.service.ResolutionKind;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.ruleone.standards.Standard;
import org.ruleone.standards.StandardBreached;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/** Power rankings from the other modules' events, through their screens (issue 14, item 2; ADRs 0110 and 0111). */
@IntegrationTest
@Import(StandardsTestSupport.class)
class RankingsTests {

    static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z");
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 100);

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired Rankings rankings;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired ClientBook book;
    @Autowired Facts facts;
    @Autowired TillPurchases tills;

    long store;
    SignedInAssociate bookOwner;
    SignedInAssociate server;

    @BeforeEach
    void people() {
        clock.set(NOW);
        store = people.store("Rankings " + UUID.randomUUID());
        bookOwner = people.person(Role.ASSOCIATE, store);
        server = people.person(Role.ASSOCIATE, store);
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private SurveyAnswered answer(long answerId, SignedInAssociate servedBy, int comeBack, Instant at) {
        return new SurveyAnswered(answerId, store, 42L, servedBy.id(), SurveyChannel.IN_STORE, comeBack, 5, "",
                null, null, at);
    }

    private long rows(String table, String key, long id) {
        return jdbc.sql("select count(*) from " + table + " where " + key + " = :id").param("id", id)
                .query(Long.class).single();
    }

    private void awaitRow(String table, String key, long id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> rows(table, key, id) > 0);
    }

    private Ranking.Ranked row(Ranking ranking, SignedInAssociate who) {
        return ranking.rows().stream().filter(r -> r.associateId() == who.id()).findFirst().orElseThrow();
    }

    @Test
    void creditsASurveyAnswerToTheAssociateWhoServedNotTheBookOwnerAndOnlyOnce() {
        long id = IDS.incrementAndGet();
        publish(answer(id, server, 10, NOW));
        awaitRow("rankings_survey", "answer_id", id);
        publish(answer(id, server, 10, NOW));

        Ranking ranking = rankings.ranking(Optional.of(store), Period.month(NOVEMBER));

        assertThat(row(ranking, server).components().get(Component.EXPERIENCE).dataPoints()).isEqualTo(1);
        assertThat(row(ranking, server).components().get(Component.EXPERIENCE).thin()).isTrue();
        assertThat(row(ranking, bookOwner).components().get(Component.EXPERIENCE).dataPoints()).isZero();
        assertThat(ranking.rows().getFirst().associateId()).isEqualTo(server.id());
    }

    @Test
    void appliesAChangeOfWeightsFromTheNextPeriodAndKeepsItsHistory() throws Exception {
        clock.set(Instant.parse("2031-05-10T09:00:00Z"));
        Period may = Period.month(YearMonth.of(2031, 5));
        for (Period p : List.of(may, may.next())) {
            for (int i = 0; i < 12; i++) {
                publish(answer(IDS.incrementAndGet(), server, 10, p.from().atTime(12, 0).toInstant(java.time.ZoneOffset.UTC)));
            }
            long heroic = IDS.incrementAndGet();
            publish(new HeroicReported(heroic, server.id(), List.of(new HeroicReported.Hero(bookOwner.id(), store)),
                    p.from().plusDays(3), null, null, NOW));
            awaitRow("rankings_heroic", "heroic_id", heroic);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from rankings_survey where associate_id = :a").param("a", server.id())
                .query(Long.class).single() == 24);
        Ranking mayBefore = rankings.ranking(Optional.of(store), may);

        mvc.perform(post("/rankings/weights").with(user(people.owner())).with(csrf())
                        .param("experience", "0").param("heroics", "80").param("mystery", "0").param("cameBack", "0")
                        .param("standards", "0").param("training", "0").param("sales", "20"))
                .andExpect(status().is3xxRedirection());

        Ranking mayAfter = rankings.ranking(Optional.of(store), may);
        Ranking june = rankings.ranking(Optional.of(store), may.next());
        assertThat(mayAfter).isEqualTo(mayBefore);
        assertThat(mayAfter.rows().getFirst().associateId()).isEqualTo(server.id());
        assertThat(june.weights().of(Component.HEROICS)).isEqualTo(80);
        assertThat(june.rows().getFirst().associateId()).isEqualTo(bookOwner.id());
        assertThat(row(june, bookOwner).strongest()).startsWith(Component.HEROICS);

        String history = mvc.perform(get("/rankings/weights").with(user(server)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(history).contains("id=\"weight-history\"").contains("Jun 2031")
                .doesNotContain("id=\"weights-form\"");
    }

    private MockHttpServletRequestBuilder weights(int experience, int sales, String training) {
        return post("/rankings/weights").with(user(people.owner())).with(csrf())
                .param("experience", "" + experience).param("heroics", "15").param("mystery", "10")
                .param("cameBack", "15").param("standards", "15").param("training", training)
                .param("sales", "" + sales);
    }

    @Test
    void explainsWhyWeightsAreRefusedAndKeepsWhatWasTyped() throws Exception {
        String sum = mvc.perform(weights(17, 15, "5")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(sum).contains("The weights add up to 92; they must add up to exactly 100.")
                .contains("value=\"17\"");

        String sales = mvc.perform(weights(10, 30, "5")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(HtmlUtils.htmlUnescape(sales)).contains("Sales may weigh at most 20%")
                .doesNotContain("The weights add up to");

        String notANumber = mvc.perform(weights(25, 15, "five")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(notANumber).contains("one of them is empty or not a number").contains("value=\"five\"");

        assertThat(rankings.weightChanges()).noneMatch(c -> c.weights().of(Component.EXPERIENCE) == 17
                || c.weights().of(Component.SALES) == 30);
    }

    @Test
    void showsTheStoresRankingToItsPeopleAndHidesOtherStoresFromThem() throws Exception {
        long other = people.store("Rankings other " + UUID.randomUUID());

        String own = mvc.perform(get("/rankings").with(user(server))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(own).contains(server.name()).contains("id=\"ranking\"").contains("data-rank-chart");
        mvc.perform(get("/rankings").param("store", "" + other).with(user(server))).andExpect(status().isNotFound());
        mvc.perform(get("/rankings").param("store", "" + other).with(user(people.person(Role.MANAGER, store))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/rankings").param("store", "" + other).with(user(people.owner())))
                .andExpect(status().isOk());
        mvc.perform(get("/rankings").param("period", "2026-Q4").with(user(people.owner())))
                .andExpect(status().isOk());
        mvc.perform(weights(25, 15, "5").with(user(server))).andExpect(status().isForbidden());
    }

    @Test
    void countsAFeedbackGivenAgainOnceWithItsNewerScores() {
        long feedback = IDS.incrementAndGet();
        publish(new org.ruleone.training.RoleplayFeedbackGiven(feedback, 1, store, server.id(), bookOwner.id(),
                Map.of(1, 2, 2, 2), NOW.minusSeconds(60)));
        awaitRow("rankings_feedback", "feedback_id", feedback);
        publish(new org.ruleone.training.RoleplayFeedbackGiven(feedback, 1, store, server.id(), bookOwner.id(),
                Map.of(1, 5, 2, 5), NOW));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select mean_score from rankings_feedback where feedback_id = :id").param("id", feedback)
                .query(Double.class).single() == 5.0);
        Ranking ranking = rankings.ranking(Optional.of(store), Period.month(NOVEMBER));
        assertThat(row(ranking, server).components().get(Component.TRAINING).dataPoints()).isEqualTo(1);
        assertThat(LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC).getMonthValue()).isEqualTo(11);
    }

    @Test
    void creditsSalesToTheBooksAssociateAndAComeBackToWhoServed() {
        long kept = book.add(new ClientDraft(store, "POS-" + UUID.randomUUID(), "Kasia", "Nowak", null, null,
                PostalAddress.NONE, Language.PL, "", List.of(), List.of(), "", bookOwner.id()));
        String keptNumber = jdbc.sql("select external_id from customer_directory where id = :id").param("id", kept)
                .query(String.class).single();
        long walkIn = book.add(new ClientDraft(store, "POS-" + UUID.randomUUID(), "Jan", "Lis", null, null,
                PostalAddress.NONE, Language.PL, "", List.of(), List.of(), "", null));
        String walkInNumber = jdbc.sql("select external_id from customer_directory where id = :id")
                .param("id", walkIn).query(String.class).single();
        long answer = IDS.incrementAndGet();
        publish(new SurveyAnswered(answer, store, kept, server.id(), SurveyChannel.IN_STORE, 9, 5, "", null, null,
                NOW.minus(Duration.ofDays(5))));
        awaitRow("rankings_survey", "answer_id", answer);

        long bought = tills.record(new TillPurchase(store, "R-" + UUID.randomUUID(), NOW, keptNumber, "PL",
                List.of(new TillPurchase.Line("SKU", "Boots", 1, new BigDecimal("120.00"))))).orElseThrow().purchaseId();
        long other = tills.record(new TillPurchase(store, "R-" + UUID.randomUUID(), NOW, walkInNumber, "PL",
                List.of(new TillPurchase.Line("SKU", "Socks", 2, new BigDecimal("5.00"))))).orElseThrow().purchaseId();
        awaitRow("rankings_purchase", "purchase_id", bought);
        awaitRow("rankings_purchase", "purchase_id", other);

        assertThat(jdbc.sql("select associate_id from rankings_purchase where purchase_id = :id").param("id", bought)
                .query(Long.class).single()).isEqualTo(bookOwner.id());
        assertThat(jdbc.sql("select associate_id from rankings_purchase where purchase_id = :id").param("id", other)
                .query(Long.class).optional()).isEmpty();
        Ranking ranking = rankings.ranking(Optional.of(store), Period.month(NOVEMBER));
        assertThat(row(ranking, bookOwner).components().get(Component.SALES).value()).isEqualTo(100);
        assertThat(row(ranking, server).components().get(Component.SALES).value()).isZero();
        assertThat(row(ranking, server).components().get(Component.CAME_BACK).dataPoints()).isEqualTo(1);
        assertThat(row(ranking, server).components().get(Component.CAME_BACK).value()).isEqualTo(100);
    }

    @Test
    void countsResolutionsWithoutABreachAndCreditsOwnStoreMysteryVisitsToEveryoneThere() {
        long late = IDS.incrementAndGet();
        long onTime = IDS.incrementAndGet();
        long breach = IDS.incrementAndGet();
        publish(new StandardBreached(breach, store, Standard.RESOLUTION, late, null, server.id(),
                NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofHours(2))));
        publish(new CaseResolved(late, store, 42L, server.id(), ResolutionKind.EXCHANGE,
                Money.of(BigDecimal.ZERO, "PLN"), "", NOW.minus(Duration.ofHours(1))));
        publish(new CaseResolved(onTime, store, 43L, server.id(), ResolutionKind.EXCHANGE,
                Money.of(BigDecimal.ZERO, "PLN"), "", NOW.minus(Duration.ofHours(1))));
        long visit = IDS.incrementAndGet();
        long comparison = IDS.incrementAndGet();
        publish(new MysteryVisitAccepted(visit, store, "", "OWN_STORE", "", 1, 1, 1, NOW, BigDecimal.valueOf(8),
                BigDecimal.TEN, BigDecimal.valueOf(80), false, List.of(), bookOwner.id(), NOW));
        publish(new MysteryVisitAccepted(comparison, store, "", "BANK", "Bank", 1, 1, 1, NOW, BigDecimal.ONE,
                BigDecimal.TEN, BigDecimal.TEN, false, List.of(), bookOwner.id(), NOW));
        awaitRow("rankings_breach", "breach_id", breach);
        awaitRow("rankings_resolution", "case_id", late);
        awaitRow("rankings_resolution", "case_id", onTime);
        awaitRow("rankings_mystery", "visit_id", visit);

        Ranking ranking = rankings.ranking(Optional.of(store), Period.month(NOVEMBER));
        assertThat(row(ranking, server).components().get(Component.STANDARDS).dataPoints()).isEqualTo(2);
        assertThat(row(ranking, server).components().get(Component.STANDARDS).thin()).isTrue();
        assertThat(row(ranking, server).components().get(Component.MYSTERY).dataPoints()).isEqualTo(1);
        assertThat(row(ranking, bookOwner).components().get(Component.MYSTERY).dataPoints()).isEqualTo(1);
        assertThat(rows("rankings_mystery", "visit_id", comparison)).isZero();
        assertThat(facts.of(Map.of(server.id(), store), Period.month(NOVEMBER)).get(server.id())
                .get(Component.STANDARDS)).isEqualTo(Measure.share(1, 2));
    }
}
