package org.ruleone.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.ledger.internal.SpendLedger;
import org.ruleone.ledger.internal.TooLittleReview;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.service.Resolution;
import org.ruleone.service.ResolutionKind;
import org.ruleone.shared.Money;
import org.ruleone.support.MutableClock;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.standards.internal.DueTimeKeeper;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(StandardsTestSupport.class)
class SpendLedgerAndReviewIntegrationTests {

    @Autowired MutableClock clock;
    @Autowired CaseDesk desk;
    @Autowired ClientBook book;
    @Autowired Organization organization;
    @Autowired TestPeople people;
    @Autowired TillPurchases till;
    @Autowired SpendLedger ledger;
    @Autowired TooLittleReview review;
    @Autowired DueTimeKeeper keeper;
    @Autowired TransactionTemplate transaction;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long store;
    SignedInAssociate manager;
    SignedInAssociate anna;
    SignedInAssociate bart;

    @BeforeEach
    void aStore() {
        people.owner();
        store = StandardsTestSupport.storeClosedOnSunday(organization);
        manager = people.person(Role.MANAGER, store);
        anna = people.person(Role.ASSOCIATE, store);
        bart = people.person(Role.ASSOCIATE, store);
    }

    long openCase(long customer, SignedInAssociate who, Channel channel, String subject, String at) {
        clock.set(Instant.parse(at));
        return desk.open(new CaseDraft(store, customer, who.id(), channel, subject, null, "Help please."),
                Optional.of(store));
    }

    void resolve(long caseId, SignedInAssociate who, Resolution resolution, String at) {
        clock.set(Instant.parse(at));
        desk.resolve(caseId, Optional.of(store), who.id(), resolution, "Keeps the customer happy.");
    }

    void buys(String customerNumber, String amount, String at) {
        till.record(new TillPurchase(store, "INV-" + UUID.randomUUID(), Instant.parse(at), customerNumber, "PL",
                List.of(new TillPurchase.Line("SKU", "Coat", 1, new BigDecimal(amount)))));
    }

    @Test
    void ledgerSetsWhatEachAssociateSpentAgainstWhatTheirCustomersBoughtAfterwards() throws Exception {
        String number = "C-" + UUID.randomUUID();
        long hanna = StandardsTestSupport.client(book, store, number, "Hanna", "Kowalska");
        long piotr = StandardsTestSupport.client(book, store, "P-" + UUID.randomUUID(), "Piotr", "Nowak");
        buys(number, "50", "2026-10-28T12:00:00Z");
        long tires = openCase(hanna, anna, Channel.IN_STORE, "Snow tires", "2026-11-02T10:00:00Z");
        resolve(tires, anna, Resolution.refund(Money.of(new BigDecimal("145"), "PLN"), true), "2026-11-02T10:30:00Z");
        long boots = openCase(piotr, bart, Channel.EMAIL, "Boots", "2026-11-03T10:00:00Z");
        resolve(boots, bart, Resolution.of(ResolutionKind.GOODWILL, Money.of(new BigDecimal("20"), "PLN")),
                "2026-11-03T11:00:00Z");
        buys(number, "300", "2026-11-10T12:00:00Z");
        buys(number, "-40", "2026-11-12T12:00:00Z");
        clock.set(Instant.parse("2026-11-20T12:00:00Z"));

        List<SpendLedger.Line> lines = ledger.since(Instant.parse("2026-10-01T00:00:00Z"), Optional.of(store));

        assertThat(lines).extracting(SpendLedger.Line::associateId, SpendLedger.Line::month, l -> l.spent().amount().toPlainString(),
                        l -> l.cameBack().amount().toPlainString(), SpendLedger.Line::customersBack)
                .containsExactlyInAnyOrder(
                        tuple(anna.id(), YearMonth.of(2026, 11), "145.00", "260.00", 1),
                        tuple(bart.id(), YearMonth.of(2026, 11), "20.00", "0.00", 0));
        assertThat(lines).filteredOn(l -> l.associateId() == anna.id()).singleElement()
                .satisfies(l -> assertThat(l.spentByKind()).containsOnlyKeys("REFUND"));

        mvc.perform(get("/service/reports/ledger").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Spend my money"), containsString("Test ASSOCIATE"),
                        containsString("PLN\u00a0145.00"), containsString("PLN\u00a0260.00"), containsString("data-chart="))));
        mvc.perform(get("/service/reports/ledger.csv").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("spend-ledger.csv")))
                .andExpect(content().string(allOf(
                        containsString("month,store,associate,currency,resolutions,spent,"),
                        containsString("2026-11,"), containsString(",PLN,1,145.00,"), containsString(",1,1,260.00"))));
    }

    @Test
    void ledgerShowsOneChartAndTotalPerCurrencyAndNeverTheirSum() throws Exception {
        long hanna = StandardsTestSupport.client(book, store, "Hanna", "Kowalska");
        long piotr = StandardsTestSupport.client(book, store, "Piotr", "Nowak");
        long dollars = openCase(hanna, anna, Channel.IN_STORE, "Strap", "2026-11-02T10:00:00Z");
        resolve(dollars, anna, Resolution.refund(Money.of("100", "USD"), false), "2026-11-02T10:30:00Z");
        long euros = openCase(piotr, anna, Channel.IN_STORE, "Buckle", "2026-11-03T10:00:00Z");
        resolve(euros, anna, Resolution.of(ResolutionKind.GOODWILL, Money.of("50", "EUR")), "2026-11-03T11:00:00Z");
        clock.set(Instant.parse("2026-11-20T12:00:00Z"));

        mvc.perform(get("/service/reports/ledger").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("EUR: spent €50.00, came back €0.00"),
                        containsString("USD: spent $100.00, came back $0.00"),
                        containsString("id=\"ledger-chart-EUR\""), containsString("id=\"ledger-chart-USD\""),
                        containsString("Several currencies"), not(containsString("150.00")))));
    }

    @Test
    void reviewShowsCasesWhereTheCustomerMayHaveGotTooLittle() throws Exception {
        long hanna = StandardsTestSupport.client(book, store, "Hanna", "Kowalska");
        long piotr = StandardsTestSupport.client(book, store, "Piotr", "Nowak");
        long ewa = StandardsTestSupport.client(book, store, "Ewa", "Wiśniewska");

        long answered = openCase(hanna, anna, Channel.IN_STORE, "Wrong size", "2026-11-02T10:00:00Z");
        resolve(answered, anna, Resolution.of(ResolutionKind.EXCHANGE, Money.of(BigDecimal.ZERO, "PLN")),
                "2026-11-02T10:05:00Z");
        long first = openCase(piotr, bart, Channel.IN_STORE, "Loose button", "2026-11-03T10:00:00Z");
        resolve(first, bart, Resolution.of(ResolutionKind.GOODWILL, Money.of(new BigDecimal("15"), "PLN")),
                "2026-11-03T10:05:00Z");
        long again = openCase(piotr, bart, Channel.IN_STORE, "Button fell off again", "2026-11-07T10:00:00Z");
        clock.set(Instant.parse("2026-11-07T10:05:00Z"));
        desk.reply(again, Optional.of(store), bart.id(), "We sew it on now.", false);
        resolve(again, bart, Resolution.of(ResolutionKind.GOODWILL, Money.of(new BigDecimal("10"), "PLN")),
                "2026-11-07T10:30:00Z");

        // E-mails answered a day late: one reply apologises, the other does not.
        long rude = openCase(ewa, anna, Channel.EMAIL, "Where is my order?", "2026-11-09T10:00:00Z");
        long polite = openCase(ewa, anna, Channel.EMAIL, "Invoice", "2026-11-09T10:00:00Z");
        clock.set(Instant.parse("2026-11-10T15:00:00Z"));
        transaction.executeWithoutResult(s -> keeper.check());
        desk.reply(rude, Optional.of(store), anna.id(), "It ships tomorrow.", false);
        desk.reply(polite, Optional.of(store), anna.id(), "Przepraszamy za zwłokę, faktura w załączniku.", false);
        clock.set(Instant.parse("2026-11-20T12:00:00Z"));

        List<TooLittleReview.Item> items = review.since(Instant.parse("2026-10-01T00:00:00Z"), Optional.of(store));

        assertThat(items).extracting(i -> i.serviceCase().id(), i -> i.findings().stream().map(f -> f.kind()).toList())
                .contains(
                        tuple(answered, List.of(TooLittleReview.Kind.NO_REMEDY)),
                        tuple(first, List.of(TooLittleReview.Kind.SECOND_CONTACT)),
                        tuple(rude, List.of(TooLittleReview.Kind.BREACH_WITHOUT_APOLOGY)));
        assertThat(items).extracting(i -> i.serviceCase().id()).doesNotContain(polite, again);
        assertThat(items).filteredOn(i -> i.serviceCase().id() == first).singleElement()
                .satisfies(i -> assertThat(i.findings().getFirst().otherCaseId()).isEqualTo(again));

        mvc.perform(get("/service/reports/review").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/cases/" + answered + "\""), containsString("href=\"/cases/" + again + "\""),
                        containsString("Piotr Nowak"), containsString("4 days after"),
                        containsString("no reply to the customer apologised"),
                        not(containsString("href=\"/cases/" + polite + "\"")))));
        mvc.perform(get("/service/reports/review").with(user(anna))).andExpect(status().isForbidden());
    }

    @Test
    void anotherStoresLedgerIsNotFoundForAManager() throws Exception {
        long other = StandardsTestSupport.storeClosedOnSunday(organization);
        mvc.perform(get("/service/reports/ledger").param("store", String.valueOf(other)).with(user(manager)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/service/reports/ledger.csv").param("store", String.valueOf(other)).with(user(manager)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/service/reports/review").param("store", String.valueOf(other)).with(user(manager)))
                .andExpect(status().isNotFound());
    }

    @Test
    void listsEachLaterCaseOfTheClientAndCountsOnlyThoseTheManagerJudgesTheSameProblem() throws Exception {
        long marta = StandardsTestSupport.client(book, store, "Marta", "Zielińska");
        long zip = openCase(marta, anna, Channel.IN_STORE, "Broken zip", "2026-11-02T10:00:00Z");
        resolve(zip, anna, Resolution.of(ResolutionKind.GOODWILL, Money.of(new BigDecimal("10"), "PLN")), "2026-11-02T10:30:00Z");
        long gift = openCase(marta, bart, Channel.EMAIL, "Gift wrapping for Christmas", "2026-11-05T09:00:00Z");
        long again = openCase(marta, bart, Channel.IN_STORE, "Zip broken again", "2026-11-09T16:00:00Z");
        clock.set(Instant.parse("2026-11-20T12:00:00Z"));

        mvc.perform(get("/service/reports/review").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/cases/" + gift + "\""), containsString("Gift wrapping for Christmas"),
                        containsString("Nov 5, 2026"),
                        containsString("href=\"/cases/" + again + "\""), containsString("Zip broken again"),
                        containsString("Nov 9, 2026, 5:00"),
                        containsString("Same problem, or another topic?"))));
        assertThat(figure("SECOND_CONTACT")).isZero();

        mvc.perform(post("/service/reports/review/judgements").with(user(manager)).with(csrf())
                        .param("caseId", String.valueOf(zip)).param("otherCaseId", String.valueOf(again))
                        .param("sameProblem", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/service/reports/review/judgements").with(user(manager)).with(csrf())
                        .param("caseId", String.valueOf(zip)).param("otherCaseId", String.valueOf(gift))
                        .param("sameProblem", "false"))
                .andExpect(status().is3xxRedirection());

        assertThat(review.since(Instant.parse("2026-10-01T00:00:00Z"), Optional.of(store)))
                .filteredOn(i -> i.serviceCase().id() == zip).singleElement()
                .satisfies(i -> assertThat(i.findings())
                        .filteredOn(f -> f.kind() == TooLittleReview.Kind.SECOND_CONTACT)
                        .extracting(TooLittleReview.Finding::otherCaseId,
                                TooLittleReview.Finding::sameProblem, TooLittleReview.Finding::counts)
                        .containsExactly(tuple(gift, false, false), tuple(again, true, true)));
        assertThat(figure("SECOND_CONTACT")).isEqualTo(1);
        mvc.perform(get("/service/reports/review").with(user(manager)))
                .andExpect(content().string(allOf(containsString("Judged another topic: not counted."),
                        containsString("Judged the same problem: counted as a repeat contact."))));

        // "Other topic" for the only later case sets the case aside: it no longer counts.
        mvc.perform(post("/service/reports/review/judgements").with(user(manager)).with(csrf())
                        .param("caseId", String.valueOf(zip)).param("otherCaseId", String.valueOf(again))
                        .param("sameProblem", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(figure("SECOND_CONTACT")).isZero();
    }

    @Test
    void refusesAJudgementOfAnUnrelatedCaseOrAnotherStoresCase() throws Exception {
        long marta = StandardsTestSupport.client(book, store, "Marta", "Nowicka");
        long other = StandardsTestSupport.client(book, store, "Olga", "Other");
        long zip = openCase(marta, anna, Channel.IN_STORE, "Zip", "2026-11-02T10:00:00Z");
        resolve(zip, anna, Resolution.of(ResolutionKind.GOODWILL, Money.of(new BigDecimal("10"), "PLN")), "2026-11-02T10:30:00Z");
        long again = openCase(marta, anna, Channel.IN_STORE, "Zip again", "2026-11-04T10:00:00Z");
        long unrelated = openCase(other, anna, Channel.IN_STORE, "Hello", "2026-11-04T11:00:00Z");

        mvc.perform(post("/service/reports/review/judgements").with(user(manager)).with(csrf())
                        .param("caseId", String.valueOf(zip)).param("otherCaseId", String.valueOf(unrelated))
                        .param("sameProblem", "true"))
                .andExpect(status().isNotFound());
        long elsewhere = StandardsTestSupport.storeClosedOnSunday(organization);
        SignedInAssociate otherManager = people.person(Role.MANAGER, elsewhere);
        mvc.perform(post("/service/reports/review/judgements").with(user(otherManager)).with(csrf())
                        .param("caseId", String.valueOf(zip)).param("otherCaseId", String.valueOf(again))
                        .param("sameProblem", "false"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from review_second_contact where case_id = :c").param("c", zip)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aMissedPhoneAnswerShowsWhenTheCallRangInTheReadersLanguageAndTheStoresTimeZone() throws Exception {
        long jan = StandardsTestSupport.client(book, store, "Jan", "Telefon");
        long call = openCase(jan, anna, Channel.PHONE, "Missed call", "2026-11-12T08:00:00Z");
        jdbc.sql("""
                insert into standard_breach (store_id, standard, case_id, call_id, associate_id, breached_at, detail)
                values (:store, 'PHONE_ANSWER', :case, :call, :associate, :at, 'RINGS:6')
                """)
                .param("store", store).param("case", call).param("call", -call).param("associate", anna.id())
                .param("at", java.sql.Timestamp.from(Instant.parse("2026-11-12T09:15:00Z"))).update();
        clock.set(Instant.parse("2026-11-20T12:00:00Z"));

        mvc.perform(get("/service/reports/review").with(user(manager)))
                .andExpect(content().string(allOf(containsString("Phone answer standard missed (the call of "
                        + "Nov 12, 2026, 10:15\u202fAM was not answered in time"), not(containsString("(due ,")))));
        String email = "gerante-" + UUID.randomUUID() + "@example.fr";
        organization.createAssociate(new org.ruleone.organization.AssociateDraft("Gérante", email, Role.MANAGER, store,
                null, org.ruleone.shared.Language.FR), TestPeople.PASSWORD);
        SignedInAssociate gerante = organization.signInDetails(email).orElseThrow();
        mvc.perform(get("/service/reports/review").with(user(gerante)))
                .andExpect(content().string(containsString("l’appel du 12 nov. 2026 10:15 n’a pas été pris à temps")));
    }

    /** The figure of one kind on the review page. */
    private int figure(String kind) throws Exception {
        String page = mvc.perform(get("/service/reports/review").with(user(manager)))
                .andReturn().getResponse().getContentAsString();
        String label = switch (kind) {
            case "SECOND_CONTACT" -> "Cases whose client came back with the same problem";
            default -> throw new IllegalArgumentException(kind);
        };
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(label)
                + "</dt><dd>(\\d+)</dd>").matcher(page);
        assertThat(m.find()).as("figure %s on the page", kind).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
