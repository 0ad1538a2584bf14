package org.ruleone.experience.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.purchases.PurchasesRecorded;
import org.ruleone.service.CaseResolved;
import org.ruleone.service.ResolutionKind;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chain-wide proof read from its days (V143, ADR 0115) gives the same counts as reading each client's row, as
 * answers, purchases and resolutions arrive, answers change or go, and after a rebuild; on the very day a window ends
 * too, whose clients are in or out by the hour.
 */
@IntegrationTest
class ProofDaysIntegrationTests {

    /** Far from every other test's data: the chain-wide slice of these days holds this test's clients only. */
    static final Instant DAY_ONE = Instant.parse("2011-05-10T00:00:00Z");
    static final ProofFigures.Slice CHAIN = new ProofFigures.Slice(Optional.empty(), Optional.empty(),
            LocalDate.of(2011, 5, 1), LocalDate.of(2011, 9, 30));

    @Autowired JdbcClient jdbc;
    @Autowired ServiceFixtures fixtures;
    @Autowired ProofReadModel readModel;
    @Autowired ProofFigures figures;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @Test
    void countsTheChainByItsDaysAsEachClientsRowsWouldThroughPurchasesResolutionsAnswersAndARebuild() {
        long store = fixtures.store("Proof Days Łódź", "PL", ZoneId.of("Europe/Warsaw"));
        SignedInAssociate manager = fixtures.person(Role.MANAGER, store, Language.PL);
        SignedInAssociate seller = fixtures.person(Role.ASSOCIATE, store, Language.PL);
        long early = fixtures.client(store, "Ranny", "Ptaszek", Language.PL);
        long late = fixtures.client(store, "Późny", "Wieczór", Language.PL);
        long unhappy = fixtures.client(store, "Zły", "Zamek", Language.PL);
        long helped = fixtures.client(store, "Bohater", "Obsłużony", Language.PL);
        long later = fixtures.client(store, "Inny", "Dzień", Language.PL);
        long refunded = fixtures.client(store, "Zwrot", "Pieniędzy", Language.PL);
        long gone = fixtures.client(store, "Usunięta", "Odpowiedź", Language.PL);

        // Two answers on the first day, before and after ten o'clock: the hour the 90-day window ends at NOW_90.
        answer(store, early, seller.id(), 10, 5, DAY_ONE.plus(Duration.ofHours(8)));
        answer(store, late, null, 8, 4, DAY_ONE.plus(Duration.ofHours(12)));
        long unhappyAnswer = answer(store, unhappy, seller.id(), 3, 1, DAY_ONE.plus(Duration.ofDays(1)));
        answer(store, helped, seller.id(), 9, 5, DAY_ONE.plus(Duration.ofDays(2)));
        answer(store, later, seller.id(), 5, 2, DAY_ONE.plus(Duration.ofDays(40)));
        answer(store, gone, null, 10, 5, DAY_ONE.plus(Duration.ofDays(3)));
        heroic(seller, store, helped, DAY_ONE.plus(Duration.ofDays(1)));
        assertTheSame("answers");

        purchase(store, early, DAY_ONE.plus(Duration.ofDays(30)));
        purchase(store, late, DAY_ONE.plus(Duration.ofDays(150)));
        purchase(store, helped, DAY_ONE.plus(Duration.ofDays(300)));
        recorded(store, List.of(early, late, helped), DAY_ONE.plus(Duration.ofDays(300)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(figures.tally(CHAIN, NOW_200)
                .cell(ProofWindow.DAYS_90, ProofGroup.PROMOTER)).as("the purchases are followed")
                .isEqualTo(new ProofTally.Cell(3, 1, 0)));
        assertTheSame("purchases");

        long followUp = fixtures.openCase(manager, store, unhappy, "Follow-up", "Unhappy answer.");
        jdbc.sql("update survey_answer set follow_up_case_id = :case where id = :id")
                .param("case", followUp).param("id", unhappyAnswer).update();
        resolve(manager, store, unhappy, followUp, ResolutionKind.ANSWERED, 0, DAY_ONE.plus(Duration.ofDays(4)));
        long problem = fixtures.openCase(manager, store, refunded, "Broken zip", "The zip broke.");
        resolve(manager, store, refunded, problem, ResolutionKind.REFUND, 40, DAY_ONE.plus(Duration.ofDays(5)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ProofTally tally = figures.tally(CHAIN, NOW_200);
            assertThat(tally.cell(ProofWindow.DAYS_90, ProofGroup.RECOVERED)).as("the follow-up was resolved")
                    .isEqualTo(new ProofTally.Cell(1, 0, 0));
            assertThat(tally.cell(ProofWindow.DAYS_90, ProofGroup.REMEDIED)).as("the refund is an experience")
                    .isEqualTo(new ProofTally.Cell(1, 0, 0));
        });
        assertTheSame("resolutions");

        jdbc.sql("update survey_answer set come_back = 6 where customer_id = :client").param("client", later).update();
        jdbc.sql("delete from survey_answer where customer_id = :client").param("client", gone).update();
        answer(store, early, seller.id(), 2, 1, DAY_ONE.plus(Duration.ofDays(60)));
        assertTheSame("answers changed, deleted and a second one");

        ProofTally byDay = figures.tally(CHAIN, NOW_90);
        assertThat(byDay.cell(ProofWindow.DAYS_90, ProofGroup.PROMOTER))
                .as("the early client's window has ended at ten o'clock, the late one's has not")
                .isEqualTo(new ProofTally.Cell(1, 1, 1));
        assertThat(byDay.cell(ProofWindow.DAYS_90, ProofGroup.PASSIVE)).isEqualTo(new ProofTally.Cell(0, 0, 1));
        assertThat(figures.tally(CHAIN, NOW_200).cell(ProofWindow.DAYS_90, ProofGroup.HERO))
                .as("the heroic is found when reading").isEqualTo(new ProofTally.Cell(1, 0, 0));

        readModel.rebuild();
        assertTheSame("rebuilt");
        assertThat(jdbc.sql("select coalesce(sum(clients), 0) from proof_experience_day where day < '2011-10-01'"
                        + " and day >= '2011-05-01'").query(Long.class).single())
                .as("the days hold one client per first experience")
                .isEqualTo(jdbc.sql("select count(*) from proof_first_experience where at >= '2011-05-01'"
                        + " and at < '2011-10-01'").query(Long.class).single());
    }

    /** Ten o'clock, 90 days after the first: the 90-day window ends in the middle of the first day. */
    static final Instant NOW_90 = DAY_ONE.plus(Duration.ofDays(90)).plus(Duration.ofHours(10));
    static final Instant NOW_200 = DAY_ONE.plus(Duration.ofDays(200)).plus(Duration.ofHours(3));
    static final Instant NOW_400 = DAY_ONE.plus(Duration.ofDays(401)).plus(Duration.ofHours(13));

    private void assertTheSame(String after) {
        for (Instant now : List.of(NOW_90, DAY_ONE.plus(Duration.ofDays(182)).plus(Duration.ofHours(1)), NOW_200,
                NOW_400, DAY_ONE.plus(Duration.ofDays(3650)))) {
            ProofTally byDay = figures.tally(CHAIN, now);
            ProofTally byClient = figures.tallyClientByClient(CHAIN, now);
            for (ProofWindow w : ProofWindow.values()) {
                for (ProofGroup g : ProofGroup.values()) {
                    assertThat(byDay.cell(w, g)).as(after + ", at " + now + ", " + w + " " + g)
                            .isEqualTo(byClient.cell(w, g));
                }
            }
        }
    }

    private long answer(long store, long client, Long associate, int comeBack, int satisfaction, Instant at) {
        return jdbc.sql("""
                insert into survey_answer (store_id, customer_id, associate_id, channel, come_back, satisfaction,
                                           complete, started_at, answered_at, external_id)
                values (:store, :client, :associate, 'IMPORT', :comeBack, :satisfaction, true, :at, :at, :ext)
                returning id""")
                .param("store", store).param("client", client).param("associate", associate)
                .param("comeBack", comeBack).param("satisfaction", satisfaction).param("at", Timestamp.from(at))
                .param("ext", "proof-days-" + client + "-" + at.toEpochMilli())
                .query(Long.class).single();
    }

    private void purchase(long store, long client, Instant at) {
        jdbc.sql("""
                insert into purchase (store_id, invoice_no, customer_id, purchased_at, total, items, line_count,
                                      is_return)
                values (:store, :invoice, :client, :at, 50, 1, 1, false)""")
                .param("store", store).param("invoice", "PD-" + client + "-" + at.toEpochMilli())
                .param("client", client).param("at", Timestamp.from(at)).update();
    }

    /** What purchases publishes once the purchases are stored. */
    private void recorded(long store, List<Long> clients, Instant at) {
        transactions.executeWithoutResult(status -> events.publishEvent(new PurchasesRecorded(store, null,
                clients.stream().map(c -> new PurchasesRecorded.ClientPurchases(c, at, at, false)).toList(), at)));
    }

    /** A resolution stored, and the event service publishes with it. */
    private void resolve(SignedInAssociate by, long store, long client, long caseId, ResolutionKind kind, int cost,
                         Instant at) {
        jdbc.sql("""
                insert into resolution (case_id, kind, cost, currency, judgment, associate_id, created_at)
                values (:case, :kind, :cost, 'PLN', 'Done', :by, :at)""")
                .param("case", caseId).param("kind", kind.name()).param("cost", cost).param("by", by.id())
                .param("at", Timestamp.from(at)).update();
        transactions.executeWithoutResult(status -> events.publishEvent(new CaseResolved(caseId, store, client,
                by.id(), kind, Money.of(BigDecimal.valueOf(cost), "PLN"), "Done", at)));
    }

    /** A heroic of the associate for the client, as recognition stores it. */
    private void heroic(SignedInAssociate hero, long store, long client, Instant on) {
        long reporter = fixtures.person(Role.MANAGER, store, Language.PL).id();
        long heroic = jdbc.sql("""
                insert into heroic (reported_by, happened_on, customer_id, what, reported_at)
                values (:by, :on, :client, 'Stayed late to fix the zip.', :at) returning id""")
                .param("by", reporter).param("on", LocalDate.ofInstant(on, ZoneOffset.UTC)).param("client", client)
                .param("at", Timestamp.from(on)).query(Long.class).single();
        jdbc.sql("insert into heroic_hero (heroic_id, associate_id, store_id) values (:heroic, :hero, :store)")
                .param("heroic", heroic).param("hero", hero.id()).param("store", store).update();
    }
}
