package org.ruleone.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.experience.ExperienceFigures;
import org.ruleone.experience.MysteryChecklists;
import org.ruleone.experience.MysteryItem;
import org.ruleone.experience.MysteryItemAnswer;
import org.ruleone.experience.MysteryReport;
import org.ruleone.experience.MysteryReports;
import org.ruleone.experience.MysteryReviews;
import org.ruleone.experience.MysteryReward;
import org.ruleone.experience.MysteryScheduling;
import org.ruleone.experience.MysteryScore;
import org.ruleone.experience.MysteryScoring;
import org.ruleone.experience.MysteryShopperDraft;
import org.ruleone.experience.MysteryShopperKind;
import org.ruleone.experience.MysteryShoppers;
import org.ruleone.experience.MysteryVisit;
import org.ruleone.experience.MysteryVisitDraft;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.rankings.Rankings;
import org.ruleone.rankings.TopAssociate;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.service.Resolution;
import org.ruleone.shared.Money;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.experience.SurveyAnswers;
import org.ruleone.experience.SurveyChannel;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.recognition.HeroicDraft;
import org.ruleone.recognition.Heroics;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cards of the manager's and owner's home (issue 14, item 3; ADR 0112): each figure equals a hand computation on
 * data put in through the other modules' public APIs, for the period and store chosen, and a manager never sees
 * another store's.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(StandardsTestSupport.class)
class HomeCardsTests {

    /** Mid-June: "this month" is June, twenty days ago is in May, both inside the last 12 months. */
    static final Instant JUNE_15 = Instant.parse("2026-06-15T10:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired ClientBook clients;
    @Autowired SurveyAnswers answers;
    @Autowired ExperienceFigures experience;
    @Autowired Heroics heroics;
    @Autowired MutableClock clock;
    @Autowired Organization organization;
    @Autowired CaseDesk desk;
    @Autowired TillPurchases till;
    @Autowired MysteryChecklists checklists;
    @Autowired MysteryShoppers shoppers;
    @Autowired MysteryScheduling scheduling;
    @Autowired MysteryReports reports;
    @Autowired MysteryReviews reviews;
    @Autowired Rankings rankings;

    long mine;
    long other;
    SignedInAssociate manager;
    SignedInAssociate anna;

    @BeforeEach
    void twoStoresAndAManager() {
        clock.set(JUNE_15);
        mine = people.store("Cards Lyon " + System.nanoTime());
        other = people.store("Cards Gdansk " + System.nanoTime());
        manager = people.person(Role.MANAGER, mine);
        anna = people.person(Role.ASSOCIATE, mine);
    }

    private long client(long store) {
        return clients.add(new ClientDraft(store, null, "Ada", "Cards", null, null, null, Language.EN, "",
                List.of(), List.of(), "", null));
    }

    private void answer(long store, Long client, SurveyChannel channel, Integer comeBack, Integer satisfaction,
                        Instant at) {
        answers.record(new SurveyAnswers.RecordedAnswer(store, client, null, channel, Language.EN, comeBack,
                satisfaction, null, null, null, at));
    }

    private void heroic(long store, SignedInAssociate hero, LocalDate on) {
        SignedInAssociate reporter = people.person(Role.ASSOCIATE, store);
        heroics.report(reporter.id(), new HeroicDraft(List.of(hero.id()), on, null, null, "Ran after the bus", null));
    }

    @Test
    void aManagersCardsEqualAHandComputationOnTheirStoreOnlyWhateverStoreTheLinkNames() throws Exception {
        Instant may = JUNE_15.minus(Duration.ofDays(20));
        Instant june = JUNE_15.minus(Duration.ofDays(2));
        // come back 10, 9, 7, 3: (2 − 1) / 4 = +25; satisfaction 5, 4, 3, 2: 2 of 4 = 50%
        answer(mine, null, SurveyChannel.IMPORT, 10, 5, may);
        answer(mine, null, SurveyChannel.IMPORT, 9, 4, june);
        answer(mine, null, SurveyChannel.IMPORT, 7, 3, june);
        answer(mine, client(mine), SurveyChannel.IN_STORE, 3, 2, june);
        // another store's: all detractors, none satisfied
        answer(other, null, SurveyChannel.IMPORT, 0, 1, june);
        answer(other, client(other), SurveyChannel.IN_STORE, 1, 1, june);
        heroic(mine, anna, LocalDate.of(2026, 5, 20));
        heroic(mine, anna, LocalDate.of(2026, 6, 10));
        heroic(other, people.person(Role.ASSOCIATE, other), LocalDate.of(2026, 6, 10));
        // the unhappy answer with a client opens a follow-up case (the survey's own listener): one open in each store
        await().atMost(Duration.ofSeconds(20)).until(() -> openFollowUps(mine) == 1 && openFollowUps(other) == 1);

        mvc.perform(get("/").param("period", "YEAR").param("store", Long.toString(other)).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Come-back score +25 (answers: 4)"),
                        containsString("50% satisfied, 4 or 5 out of 5 (answers: 4)"),
                        containsString("Heroics reported: 2"),
                        containsString("Follow-ups of unhappy answers still open: 1"),
                        containsString("href=\"/experience?store=" + mine + "\""),
                        containsString("href=\"/heroics?store=" + mine + "\""),
                        not(containsString("store=" + other + "\"")), not(containsString("Come-back score -")),
                        not(containsString("Heroics reported: 3")))));
        // this month only: June's three answers, (1 − 1) / 3 = 0, and June's heroic
        mvc.perform(get("/").param("period", "MONTH").with(user(manager)))
                .andExpect(content().string(allOf(containsString("Come-back score 0 (answers: 3)"),
                        containsString("Heroics reported: 1"))));
    }

    private long openFollowUps(long store) {
        Map<?, Long> open = experience.openFollowUps(Optional.of(store), LocalDate.of(2025, 7, 1),
                LocalDate.of(2026, 6, 30));
        return open.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aStoreWithNothingYetSaysSoOnEveryCard() throws Exception {
        mvc.perform(get("/").param("period", "QUARTER").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("No survey answers in this period"),
                        containsString("No satisfaction given in this period"),
                        containsString("No due time has run out in this period"),
                        containsString("Nothing spent on service in this period"),
                        containsString("No mystery visit accepted in this period"),
                        containsString("No follow-up left open in this period"),
                        containsString("No heroic reported in this period"))));
        String page = mvc.perform(get("/").param("period", "QUARTER").with(user(manager)))
                .andReturn().getResponse().getContentAsString();
        // no chart, the rankings' neither: with nothing measured everyone would be at 50, in the order of their names
        assertThat(page.split("data-spark", -1)).hasSize(1);
        assertThat(page).contains("Nothing to rank yet this month").doesNotContain(anna.name());
    }

    @Test
    void theOwnerSeesTheChainOrTheStoreTheyChoose() throws Exception {
        answer(mine, null, SurveyChannel.IMPORT, 10, 5, JUNE_15.minus(Duration.ofDays(1)));
        answer(other, null, SurveyChannel.IMPORT, 0, 1, JUNE_15.minus(Duration.ofDays(1)));
        SignedInAssociate owner = people.owner();

        mvc.perform(get("/").param("period", "MONTH").param("store", Long.toString(other)).with(user(owner)))
                .andExpect(content().string(allOf(containsString("Come-back score -100 (answers: 1)"),
                        containsString("href=\"/experience?store=" + other + "\""),
                        containsString("<option value=\"" + other + "\" selected=\"selected\""))));
        mvc.perform(get("/").param("period", "MONTH").with(user(owner)))
                .andExpect(content().string(allOf(containsString("Every store"),
                        containsString("href=\"/experience\""), containsString("data-spark"),
                        containsString("Come-back score "))));
    }

    @Test
    void theCardsSpeakFrenchAndPolish() throws Exception {
        answer(mine, null, SurveyChannel.IMPORT, 9, 5, JUNE_15.minus(Duration.ofDays(1)));
        SignedInAssociate french = new SignedInAssociate(manager.id(), manager.name(), manager.email(),
                manager.role(), manager.storeId(), Language.FR, manager.passwordHash(), manager.active());
        SignedInAssociate polish = new SignedInAssociate(manager.id(), manager.name(), manager.email(),
                manager.role(), manager.storeId(), Language.PL, manager.passwordHash(), manager.active());

        mvc.perform(get("/").with(user(french))).andExpect(content().string(allOf(
                containsString("Score de retour +100 (réponses : 1)"), containsString("Ce mois-ci"))));
        mvc.perform(get("/").with(user(polish))).andExpect(content().string(allOf(
                containsString("Wskaźnik powrotu +100 (odpowiedzi: 1)"), containsString("Brak zgłoszonych wyczynów"))));
    }

    @Test
    void standardsSpendAndMysteryCardsEqualAHandComputation() throws Exception {
        long warsaw = StandardsTestSupport.storeClosedOnSunday(organization);
        SignedInAssociate boss = people.person(Role.MANAGER, warsaw);
        String number = "C-" + UUID.randomUUID();
        long hanna = StandardsTestSupport.client(clients, warsaw, number, "Hanna", "Kowalska");
        // Monday 1 June, 12:00 in Warsaw: one case answered and resolved at once (2 due times met), one left alone
        // (2 breached by the 15th): 2 of 4 met
        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        long fixed = desk.open(new CaseDraft(warsaw, hanna, boss.id(), Channel.IN_STORE, "Snow tires", null,
                "Help please."), Optional.of(warsaw));
        desk.open(new CaseDraft(warsaw, hanna, boss.id(), Channel.EMAIL, "Boots", null, "Help please."),
                Optional.of(warsaw));
        clock.set(Instant.parse("2026-06-01T10:10:00Z"));
        desk.reply(fixed, Optional.of(warsaw), boss.id(), "We take them back.", false);
        desk.resolve(fixed, Optional.of(warsaw), boss.id(), Resolution.refund(Money.of(new BigDecimal("145"), "PLN"),
                true), "Keeps the client.");
        // she came back on the 5th and bought for 300
        till.record(new TillPurchase(warsaw, "INV-" + UUID.randomUUID(), Instant.parse("2026-06-05T12:00:00Z"),
                number, "PL", List.of(new TillPurchase.Line("SKU", "Coat", 1, new BigDecimal("300")))));
        BigDecimal[] first = mysteryVisit(warsaw, boss, LocalDate.of(2026, 6, 3), true);
        BigDecimal[] second = mysteryVisit(warsaw, boss, LocalDate.of(2026, 6, 8), false);
        clock.set(JUNE_15);
        String mystery = first[0].add(second[0]).multiply(BigDecimal.valueOf(100))
                .divide(first[1].add(second[1]), 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();

        mvc.perform(get("/").param("period", "MONTH").with(user(boss)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("50% of due times met (2 of 4)"),
                        containsString("Spent on service: PLN\u00a0145.00; bought afterwards by those clients: "
                                + "PLN\u00a0300.00"),
                        containsString("Mystery-shop score " + mystery + "% (visits: 2)"),
                        containsString("href=\"/service/reports/figures?store=" + warsaw + "\""),
                        containsString("href=\"/service/reports/ledger?store=" + warsaw + "\""),
                        containsString("href=\"/experience/mystery?store=" + warsaw + "\""))));
    }

    /** A visit scheduled, reported and accepted through experience's API: the best answers, or the worst. */
    private BigDecimal[] mysteryVisit(long store, SignedInAssociate boss, LocalDate day, boolean best) {
        // the checklist that ships (V122): other tests in this database make checklists of their own
        long version = checklists.checklists().stream().filter(c -> c.name().equals("Store visit"))
                .min(java.util.Comparator.comparingLong(MysteryChecklists.Summary::id))
                .map(MysteryChecklists.Summary::versionId).orElseThrow();
        List<MysteryItem> items = checklists.version(version).orElseThrow().items();
        long shopper = shoppers.add(new MysteryShopperDraft(store, "Claire Fontaine", "claire@example.fr",
                Language.FR, MysteryShopperKind.FRIEND, null, MysteryReward.money(new BigDecimal("20.00"), "PLN")),
                Optional.empty(), boss.id());
        long visit = scheduling.recordScheduled(new MysteryVisitDraft(store, "Shoes", MysteryVisit.OWN_STORE, "",
                day.minusDays(3), day.plusDays(4), "Ask for your size.", version, shopper), Optional.empty(),
                boss.id(), day.minusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<Long, MysteryItemAnswer> answers = new HashMap<>();
        for (MysteryItem item : items) {
            BigDecimal value = switch (item.type()) {
                case YES_NO -> best ? BigDecimal.ONE : BigDecimal.ZERO;
                case SCALE -> best ? BigDecimal.valueOf(5) : BigDecimal.ONE;
                case NUMBER -> best ? BigDecimal.ONE : item.numberTarget().multiply(BigDecimal.TEN);
            };
            answers.put(item.id(), new MysteryItemAnswer(item.id(), false, value, "Seen."));
        }
        LocalDateTime visitedAt = day.atTime(12, 0);
        Clock after = Clock.fixed(visitedAt.plusHours(3).atZone(StandardsTestSupport.WARSAW).toInstant(),
                ZoneOffset.UTC);
        assertThat(reports.asOf(after).save(visit, shopper, new MysteryReport(answers, visitedAt, ""), null, true)
                .result()).isEqualTo(MysteryReports.Result.SUBMITTED);
        reviews.asOf(Clock.fixed(visitedAt.plusDays(1).atZone(StandardsTestSupport.WARSAW).toInstant(),
                ZoneOffset.UTC)).accept(visit, boss.id(), Optional.empty());
        MysteryScore score = MysteryScoring.score(items, answers);
        return new BigDecimal[] {score.earned(), score.possible()};
    }

    @Test
    void theRankingsCardNamesTheTopOfThisMonthsRankingOfTheManagersStoreOnly() throws Exception {
        organization.createAssociate(new AssociateDraft("Zbigniew Obcy", "zbigniew-" + UUID.randomUUID()
                + "@example.com", Role.ASSOCIATE, other, null, Language.PL), TestPeople.PASSWORD);
        heroic(mine, anna, LocalDate.of(2026, 6, 10));
        // the rankings hear of the heroic after its transaction, on a listener thread
        List<TopAssociate> top = await().atMost(Duration.ofSeconds(20))
                .until(() -> rankings.top(Optional.of(mine), YearMonth.of(2026, 6), 3), t -> !t.isEmpty());
        String expected = String.join(", ", top.stream()
                .map(t -> t.rank() + ". " + t.name() + " (" + Math.round(t.score()) + ")").toList());

        mvc.perform(get("/").param("period", "QUARTER").param("store", Long.toString(other)).with(user(manager)))
                .andExpect(content().string(allOf(containsString("This month: " + expected),
                        containsString("href=\"/rankings?store=" + mine + "\""),
                        not(containsString("Zbigniew Obcy")))));
    }
}
