package org.ruleone.demo;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ruleone.campaigns.Campaign;
import org.ruleone.campaigns.CampaignKind;
import org.ruleone.campaigns.CampaignStatus;
import org.ruleone.campaigns.Campaigns;
import org.ruleone.catalog.Catalog;
import org.ruleone.catalog.Product;
import org.ruleone.catalog.StockLine;
import org.ruleone.clienteling.Task;
import org.ruleone.clienteling.TaskKind;
import org.ruleone.clienteling.Tasks;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.ConsentState;
import org.ruleone.customers.Consents;
import org.ruleone.organization.OwnerSetUp;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseFilter;
import org.ruleone.service.CaseStatus;
import org.ruleone.service.CaseSummary;
import org.ruleone.service.Channel;
import org.ruleone.service.RecordedResolution;
import org.ruleone.service.ResolutionDetails;
import org.ruleone.service.ResolutionKind;
import org.ruleone.shared.Language;
import org.ruleone.telephony.CallOutcome;
import org.ruleone.telephony.PhoneCall;
import org.ruleone.telephony.PhoneCalls;
import org.ruleone.organization.StoreDraft;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.awaitility.Awaitility.await;

/**
 * With the demo switched on, finishing the first run fills the shop with stores, people, clients and sales, cases,
 * calls, tasks, products and a draft campaign, once.
 */
@SpringBootTest(properties = "ruleone.demo=true")
@ActiveProfiles("test")
@AutoConfigureMockMvc
class DemoDataTests {

    static Path sales;

    @DynamicPropertySource
    static void salesFile(DynamicPropertyRegistry registry) throws Exception {
        sales = Files.createTempFile("demo-sales", ".csv");
        Files.writeString(sales, """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
                C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527,United Kingdom
                """);
        registry.add("ruleone.demo.purchases-file", sales::toString);
    }

    @Autowired
    Organization organization;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseDesk cases;
    @Autowired
    PhoneCalls calls;
    @Autowired
    Tasks tasks;
    @Autowired
    Catalog catalog;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Consents consents;
    @Autowired
    DemoData demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    MessageSource messages;
    @Autowired
    DemoProgress progress;

    @Test
    void seedsStoresAssociatesClientsAndSalesOnceTheOwnerIsSetUp() throws Exception {
        long owner = organization.setUp("Demo Owner", "demo-owner@example.com", "a demo password for tests",
                new StoreDraft("Seattle", "", "US", ZoneId.of("America/Los_Angeles"), Language.EN, List.of()),
                Language.EN);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(organization.stores()).extracting(s -> s.name()).contains("Seattle", "Kraków Rynek");
            // Craig, Sally, Marek and Amélie, and the three the roleplay training adds
            assertThat(jdbc.sql("select count(*) from associate where email like '%@demo.example'")
                    .query(Long.class).single()).isEqualTo(7);
            assertThat(jdbc.sql("select count(*) from customer where last_name = 'Żółkiewska'")
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select status from purchase_import").query(String.class).list())
                    .containsExactly("COMPLETED");
            assertThat(jdbc.sql("select count(*) from purchase_line where import_id is not null").query(Long.class)
                    .single()).isEqualTo(2);
        });

        StoreSummary seattle = organization.storeNamed("Seattle").orElseThrow();
        StoreSummary krakow = organization.storeNamed(DemoData.SECOND_STORE).orElseThrow();
        assertCasesOfEveryStateChannelAndResolution();
        assertCallsLogged();
        assertHandMadeTasks(seattle.id(), krakow.id());
        assertProductsStockedInBothStores(seattle.id(), krakow.id());
        assertDraftCampaign(seattle.id());
        assertConsentWithProof();
        assertScreensShowTheDemo();
        assertCasesSpreadOverWeeksWithRealResponseTimes();
        assertNamedClientsBoughtAndAreDueThanks(seattle.id(), krakow.id());
        assertTheProductsPageExampleFindsADemoProduct();
        assertTheHomePageShowsProgressOnlyWhileLoading();
        assertSurveyAnswersOverMonthsWithTheirFollowUps();
        assertMysteryShopsOverMonthsWithTheHotelAndTheBank();
        assertHeroicsLegendsAndRoleplay();
        assertComeBackHistory(seattle.id(), krakow.id());

        // Run once: the same event again adds nothing.
        long casesBefore = allCases().size();
        assertThat(demo.seed(new OwnerSetUp(owner, seattle.id()))).isFalse();
        assertThat(allCases()).hasSize((int) casesBefore);
        assertThat(organization.stores()).hasSize(2);
        assertThat(jdbc.sql("select count(*) from associate where email like '%@demo.example'")
                .query(Long.class).single()).isEqualTo(7);
    }

    /**
     * Eighteen months of answers of clients with French and Polish names, credited to the people who served them,
     * and later purchases: promoters came back about twice as often as detractors, a remedy more often than an
     * answer only, and a followed-up detractor more often than one left alone.
     */
    private void assertComeBackHistory(long seattle, long krakow) throws Exception {
        record Credit(long store, long associates, long answers) {
        }
        List<Credit> credits = jdbc.sql("""
                select c.store_id, count(distinct a.associate_id), count(*)
                  from survey_answer a join customer c on c.id = a.customer_id
                 where c.external_id ~ '^[CK]-3[0-9]{3}$'
                   and a.associate_id in (select id from associate where store_id = c.store_id)
                 group by c.store_id""")
                .query((rs, n) -> new Credit(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
        assertThat(credits).extracting(Credit::store).containsExactlyInAnyOrder(seattle, krakow);
        assertThat(credits).allSatisfy(c -> assertThat(c.associates()).isGreaterThanOrEqualTo(3));
        assertThat(credits.stream().mapToLong(Credit::answers).sum()).isEqualTo(DemoComeBack.CLIENTS);
        assertThat(jdbc.sql("""
                select count(*) from customer
                 where external_id ~ '^[CK]-3[0-9]{3}$' and language in ('fr', 'pl')
                   and last_name ~ '[éèçąćęłńóśźż]'""")
                .query(Long.class).single()).isGreaterThan(DemoComeBack.CLIENTS / 4);
        assertThat(jdbc.sql("""
                select count(distinct date_trunc('month', answered_at)) from survey_answer a
                  join customer c on c.id = a.customer_id where c.external_id ~ '^[CK]-3[0-9]{3}$'""")
                .query(Long.class).single()).isGreaterThanOrEqualTo(17);

        SignedInAssociate owner = organization.signInDetails("demo-owner@example.com").orElseThrow();
        // the proof page finds the model's main effect in words
        mvc.perform(get("/experience/proof").param("window", "180").with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(matchesPattern(
                        "(?s).*Promoters came back [0-9.]+× as often as detractors \\([0-9.]+–[0-9.]+\\)\\..*")));
        // the rankings of last quarter show the first store's people, Jamie (only the come-back history credits her) too
        java.time.YearMonth before = java.time.YearMonth.now().minusMonths(3);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/rankings")
                        .param("store", String.valueOf(seattle))
                        .param("period", before.getYear() + "-Q" + ((before.getMonthValue() - 1) / 3 + 1))
                        .with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sally Boots")))
                .andExpect(content().string(containsString("Jamie Laces"))));
        assertThat(cameBackWithinHalfAYear("a.come_back >= 9"))
                .isGreaterThan(1.5 * cameBackWithinHalfAYear("a.come_back <= 6"));
        assertThat(cameBackWithinHalfAYear("a.come_back <= 6 and a.channel = 'PURCHASE'"))
                .isGreaterThan(1.3 * cameBackWithinHalfAYear("a.come_back <= 6 and a.channel = 'IMPORT'"));
        String remedy = "exists (select 1 from resolution r where r.case_id = a.case_id and r.kind %s 'ANSWERED')";
        assertThat(cameBackWithinHalfAYear(remedy.formatted("<>")))
                .isGreaterThan(1.3 * cameBackWithinHalfAYear(remedy.formatted("=")));
    }

    /** Of the come-back clients answered over 180 days ago (and so matching), the share who bought within 180 days. */
    private double cameBackWithinHalfAYear(String which) {
        return jdbc.sql("""
                select avg(case when exists (select 1 from purchase p where p.customer_id = a.customer_id
                                               and p.purchased_at > a.answered_at
                                               and p.purchased_at <= a.answered_at + interval '180 days')
                                then 1.0 else 0.0 end)
                  from survey_answer a join customer c on c.id = a.customer_id
                 where c.external_id ~ '^[CK]-3[0-9]{3}$' and a.answered_at < now() - interval '180 days'
                   and (%s)""".formatted(which))
                .query(Double.class).single();
    }

    private void assertHeroicsLegendsAndRoleplay() throws Exception {
        assertThat(jdbc.sql("select count(distinct h.store_id) from heroic_hero h").query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from heroic where case_id is not null").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from legend").query(Long.class).single()).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.sql("select count(*) from training_scenario").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from training_feedback").query(Long.class).single()).isPositive();
        SignedInAssociate owner = organization.signInDetails("demo-owner@example.com").orElseThrow();
        mvc.perform(get("/heroics").param("store", "all").with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("tires")));
        mvc.perform(get("/legends").with(user(owner))).andExpect(status().isOk());
    }

    private void assertMysteryShopsOverMonthsWithTheHotelAndTheBank() throws Exception {
        assertThat(jdbc.sql("select kind from mystery_shopper order by kind").query(String.class).list())
                .containsExactly("BEST_CLIENT", "FRIEND");
        assertThat(jdbc.sql("select count(*) from mystery_visit where target_kind = 'OWN_STORE' and status = 'ACCEPTED'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(11);
        assertThat(jdbc.sql("select business_name from mystery_visit where target_kind <> 'OWN_STORE' order by 1")
                .query(String.class).list()).containsExactly("Bank Wiślany", "Grand Hôtel Aurore");
        assertThat(jdbc.sql("select count(distinct date_trunc('month', visited_at)) from mystery_visit")
                .query(Long.class).single()).isGreaterThanOrEqualTo(7);
        // a trend: the last four visits to our stores score better than the first four
        List<BigDecimal> scores = jdbc.sql("""
                select score from mystery_visit where target_kind = 'OWN_STORE' and status = 'ACCEPTED'
                 order by visited_at""").query(BigDecimal.class).list();
        double first = scores.subList(0, 4).stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
        double last = scores.subList(scores.size() - 4, scores.size()).stream()
                .mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
        assertThat(last).isGreaterThan(first + 15);
        assertThat(jdbc.sql("select count(*) from mystery_visit where status = 'SUBMITTED'").query(Long.class).single())
                .isOne();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from ledger_store_cost where kind = 'MYSTERY_SHOP'").query(Long.class).single())
                .isGreaterThanOrEqualTo(8));
        SignedInAssociate owner = organization.signInDetails("demo-owner@example.com").orElseThrow();
        mvc.perform(get("/experience/mystery").with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Shoes")));
        mvc.perform(get("/experience/mystery/compare").with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Grand Hôtel Aurore")))
                .andExpect(content().string(containsString("Bank Wiślany")));
    }

    private void assertSurveyAnswersOverMonthsWithTheirFollowUps() throws Exception {
        assertThat(jdbc.sql("select count(*) from survey_answer where complete").query(Long.class).single())
                .isEqualTo(160 + DemoComeBack.CLIENTS);
        assertThat(jdbc.sql("select count(distinct date_trunc('month', answered_at)) from survey_answer")
                .query(Long.class).single()).isGreaterThanOrEqualTo(8);
        assertThat(jdbc.sql("select distinct language from survey_answer where comment is not null")
                .query(String.class).list()).containsExactlyInAnyOrder("en", "fr", "pl");
        long unhappyOfClients = jdbc.sql("""
                select count(*) from survey_answer
                 where customer_id is not null and (come_back <= 6 or satisfaction <= 2) and channel <> 'IMPORT'""")
                .query(Long.class).single();
        assertThat(unhappyOfClients).isGreaterThan(5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.sql("select count(*) from survey_answer where follow_up_case_id is not null")
                    .query(Long.class).single()).isEqualTo(unhappyOfClients);
            // the older follow-ups were handled by the demo's associates, the latest wait on the desk
            assertThat(allCases().stream().filter(c -> c.channel() == Channel.SURVEY)
                    .map(CaseSummary::status).distinct().toList()).contains(CaseStatus.RESOLVED);
        });
        SignedInAssociate owner = organization.signInDetails("demo-owner@example.com").orElseThrow();
        // the come-back history's answers, without comments, leave the demo's words to be found
        mvc.perform(get("/experience").param("word", "queue").with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Twenty minutes in the queue to pay")));
    }

    private void assertCasesSpreadOverWeeksWithRealResponseTimes() {
        List<CaseSummary> all = allCases();
        Instant first = all.stream().map(CaseSummary::openedAt).min(Instant::compareTo).orElseThrow();
        Instant last = all.stream().map(CaseSummary::openedAt).max(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(first, last)).isGreaterThan(Duration.ofDays(28));
        CaseSummary boots = all.stream().filter(c -> c.subject().equals("Heel broke on my new boots")).findFirst()
                .orElseThrow();
        assertThat(Duration.between(boots.openedAt(), boots.firstResponseAt())).isEqualTo(Duration.ofMinutes(100));
        assertThat(all).filteredOn(c -> c.resolvedAt() != null)
                .allSatisfy(c -> assertThat(c.resolvedAt()).isAfter(c.openedAt()));
    }

    private void assertNamedClientsBoughtAndAreDueThanks(long seattle, long krakow) {
        for (String last : List.of("Smith", "Lefèvre", "Żółkiewska", "Wiśniewska")) {
            var client = jdbc.sql("select id, store_id from customer where last_name = :last").param("last", last)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            assertThat(client[1]).isIn(seattle, krakow);
            assertThat(jdbc.sql("select count(*) from purchase where customer_id = :id").param("id", client[0])
                    .query(Long.class).single()).as(last + " bought").isPositive();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(tasks.ofClient(client[1], client[0])).as(last + " is due a thank-you")
                            .extracting(Task::kind).contains(TaskKind.THANK_YOU));
        }
    }

    /** The search field's example, in every language, finds a product the demo has. */
    private void assertTheProductsPageExampleFindsADemoProduct() {
        for (Language language : Language.values()) {
            String hint = messages.getMessage("products.search.hint", null, language.locale());
            String[] examples = hint.substring(hint.indexOf(' ') + 1).split(" or | ou | lub ");
            assertThat(examples).as(hint).hasSize(2);
            for (String example : examples) {
                assertThat(catalog.find(example.strip())).as(example).extracting(Product::sku).contains("DEMO-BT-CH75");
            }
        }
    }

    private void assertTheHomePageShowsProgressOnlyWhileLoading() throws Exception {
        SignedInAssociate owner = organization.signInDetails("demo-owner@example.com").orElseThrow();
        mvc.perform(get("/").with(user(owner))).andExpect(content().string(not(containsString("demo-progress"))));
        progress.started();
        progress.stepDone();
        mvc.perform(get("/").with(user(owner)))
                .andExpect(content().string(containsString("Demo data is being loaded: 1 of 14 steps done.")));
        progress.finished();
        mvc.perform(get("/").with(user(owner))).andExpect(content().string(not(containsString("demo-progress"))));
    }

    private List<CaseSummary> allCases() {
        return cases.list(new CaseFilter(null, null, null, null, 1000), Optional.empty());
    }

    private void assertCasesOfEveryStateChannelAndResolution() {
        // the cases written by hand; the follow-ups of unhappy survey answers arrive on their own, checked apart, and
        // the come-back history's problems are its clients'
        List<Long> comeBackClients = jdbc.sql("select id from customer where external_id ~ '^[CK]-3[0-9]{3}$'")
                .query(Long.class).list();
        List<CaseSummary> all = allCases().stream()
                .filter(c -> c.channel() != Channel.SURVEY && !comeBackClients.contains(c.customerId())).toList();
        assertThat(all).hasSize(8);
        assertThat(all).extracting(CaseSummary::status)
                .contains(CaseStatus.OPEN, CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.RESOLVED);
        assertThat(all).extracting(CaseSummary::channel)
                .contains(Channel.IN_STORE, Channel.PHONE, Channel.EMAIL, Channel.WEB_FORM);
        assertThat(all).extracting(CaseSummary::language).contains(Language.EN, Language.FR, Language.PL);

        List<RecordedResolution> resolutions = all.stream()
                .flatMap(c -> cases.find(c.id(), Optional.empty()).orElseThrow().resolutions().stream())
                .toList();
        assertThat(resolutions).extracting(r -> r.resolution().kind()).containsExactlyInAnyOrder(
                ResolutionKind.REFUND, ResolutionKind.REPLACEMENT_SHIPPED, ResolutionKind.ALTERATION,
                ResolutionKind.GOODWILL, ResolutionKind.ANSWERED, ResolutionKind.LOST_AND_FOUND);
        assertThat(resolutions).extracting(r -> r.resolution().details())
                .contains(new ResolutionDetails.Refund(true),
                        new ResolutionDetails.Replacement("UPS", "1Z999AA10123456784"))
                .anySatisfy(d -> assertThat(d).isInstanceOf(ResolutionDetails.Alteration.class));
        assertThat(resolutions).allSatisfy(r -> assertThat(r.judgment()).isNotBlank());

        CaseSummary waiting = all.stream().filter(c -> c.status() == CaseStatus.WAITING_ON_CUSTOMER).findFirst()
                .orElseThrow();
        assertThat(cases.find(waiting.id(), Optional.empty()).orElseThrow().messages()).hasSize(2);
        CaseSummary fresh = all.stream().filter(c -> c.status() == CaseStatus.OPEN).findFirst().orElseThrow();
        assertThat(fresh.ownerId()).isNull();
        assertThat(fresh.firstResponseAt()).isNull();
    }

    private void assertCallsLogged() {
        List<PhoneCall> recent = calls.recent(Optional.empty(), Optional.empty(), 10);
        assertThat(recent).extracting(PhoneCall::outcome)
                .containsExactlyInAnyOrder(CallOutcome.ANSWERED, CallOutcome.VOICEMAIL, CallOutcome.MISSED);
        assertThat(recent).filteredOn(c -> c.outcome() == CallOutcome.ANSWERED).singleElement()
                .satisfies(c -> assertThat(c.caseId()).isNotNull());
    }

    private void assertHandMadeTasks(long seattle, long krakow) {
        List<Task> here = tasks.open(Tasks.Who.store(seattle), tasks.today(seattle).plusDays(30)).stream()
                .filter(t -> t.kind() == TaskKind.MANUAL).toList();
        List<Task> there = tasks.open(Tasks.Who.store(krakow), tasks.today(krakow).plusDays(30)).stream()
                .filter(t -> t.kind() == TaskKind.MANUAL).toList();
        assertThat(here).extracting(Task::title)
                .contains("Call Jérôme when the tuxedo is back from the tailor");
        assertThat(here).anySatisfy(t -> assertThat(t.associateId()).isNull());
        assertThat(there).extracting(Task::title).contains("Zadzwonić do Agnieszki: przyszły nowe płaszcze");
        assertThat(there).anySatisfy(t -> assertThat(t.overdueOn(tasks.today(krakow))).isTrue());
    }

    private void assertProductsStockedInBothStores(long seattle, long krakow) {
        List<String> skus = jdbc.sql("select sku from product where sku like 'DEMO-%'").query(String.class).list();
        assertThat(skus).hasSize(12);
        for (String sku : skus) {
            Product p = catalog.productBySku(sku).orElseThrow();
            assertThat(catalog.stock(p.id())).extracting(StockLine::storeId).containsExactlyInAnyOrder(seattle, krakow);
            assertThat(catalog.stock(p.id())).allSatisfy(s -> assertThat(s.aisle()).isNotBlank());
        }
        Product tuxedo = catalog.productBySku("DEMO-TX-M50").orElseThrow();
        assertThat(tuxedo.price().currencyCode()).isEqualTo("USD");
    }

    private void assertDraftCampaign(long seattle) {
        SignedInAssociate owner = organization.signInDetails("demo-owner@example.com").orElseThrow();
        List<Campaign> all = campaigns.list(owner);
        assertThat(all).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CampaignKind.EVENT);
            assertThat(c.status()).isEqualTo(CampaignStatus.DRAFT);
            assertThat(c.storeId()).isEqualTo(seattle);
            assertThat(c.startsAt()).isNotNull();
            for (Language l : Language.values()) {
                assertThat(c.titles().get(l)).isNotBlank();
                assertThat(c.bodies().get(l)).isNotBlank();
            }
            assertThat(c.title(Language.PL)).isEqualTo("Pokaz kolekcji zimowej");
        });
        assertThat(jdbc.sql("select count(*) from campaign_recipient").query(Long.class).single()).isZero();
    }

    /** The owner's screens open on the seeded records (a smoke check that the data the API took renders). */
    private void assertScreensShowTheDemo() throws Exception {
        SignedInAssociate owner = organization.signInDetails("demo-owner@example.com").orElseThrow();
        mvc.perform(get("/cases").with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Heel broke on my new boots")));
        // the first hundred or all: survey follow-ups arrive on their own, so the count grows while this runs
        for (CaseSummary c : allCases().stream().limit(100).toList()) {
            mvc.perform(get("/cases/{id}", c.id()).with(user(owner))).andExpect(status().isOk());
        }
        mvc.perform(get("/calls").with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("+48 12 421 00 00")));
        long tuxedo = catalog.productBySku("DEMO-TX-M50").orElseThrow().id();
        mvc.perform(get("/products/{id}", tuxedo).with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Midnight tuxedo")));
        long campaign = campaigns.list(owner).getFirst().id();
        mvc.perform(get("/campaigns").with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Winter trunk show")));
        mvc.perform(get("/campaigns/{id}", campaign).with(user(owner))).andExpect(status().isOk());
        SignedInAssociate marek = organization.signInDetails("marek@demo.example").orElseThrow();
        mvc.perform(get("/tasks").with(user(marek))).andExpect(status().isOk())
                .andExpect(content().string(containsString("przyszły nowe płaszcze")));
        mvc.perform(get("/service/reports").with(user(owner))).andExpect(status().isOk());
    }

    private void assertConsentWithProof() {
        long jerome = jdbc.sql("select id from customer where last_name = 'Lefèvre'").query(Long.class).single();
        long agnieszka = jdbc.sql("select id from customer where last_name = 'Wiśniewska'").query(Long.class)
                .single();
        ConsentState email = consents.current(jerome, ConsentChannel.EMAIL).orElseThrow();
        assertThat(email.granted()).isTrue();
        assertThat(email.method()).isEqualTo(ConsentMethod.IN_STORE);
        assertThat(email.recordedByName()).isEqualTo("Craig Tires");
        assertThat(email.wording()).isEqualTo(consents.wording(ConsentChannel.EMAIL, true, Language.FR));
        assertThat(consents.current(jerome, ConsentChannel.POST).orElseThrow().wording()).contains("courrier");
        assertThat(consents.current(agnieszka, ConsentChannel.EMAIL)).isEmpty();
    }
}
