package org.ruleone.experience.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
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
 * The proof's read model (V141, ADR 0108) follows what happens: answers in their own transaction, purchases and
 * resolutions through their events, and the migration's rebuild gives the same figures as following.
 */
@IntegrationTest
class ProofReadModelIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired ServiceFixtures fixtures;
    @Autowired ProofReadModel readModel;
    @Autowired ProofFigures figures;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    long store;
    SignedInAssociate manager;
    Instant then;

    @BeforeEach
    void aStore() {
        store = fixtures.store("Proof Gdańsk", "PL", ZoneId.of("Europe/Warsaw"));
        manager = fixtures.person(Role.MANAGER, store, Language.EN);
        then = clock.instant().minus(Duration.ofDays(200)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void keepsEachClientsFirstAnswerAsAnswersArriveImportedOnesIncluded() {
        long client = fixtures.client(store, "First", "Answer", Language.PL);
        answer(client, 9, then);
        assertThat(first(client, "SURVEY")).containsEntry("come_back", 9).containsEntry("at", then);

        answer(client, 3, then.plus(Duration.ofDays(5)));
        assertThat(first(client, "SURVEY")).as("a later answer is not the first").containsEntry("come_back", 9);

        answer(client, 2, then.minus(Duration.ofDays(5)));
        assertThat(first(client, "SURVEY")).as("an older imported answer is")
                .containsEntry("come_back", 2).containsEntry("at", then.minus(Duration.ofDays(5)));
    }

    @Test
    void followsNewPurchasesButNotAReturn() {
        long client = fixtures.client(store, "Comes", "Back", Language.PL);
        answer(client, 10, then);
        assertThat(first(client, "SURVEY")).containsEntry("next_purchase_at", null);

        purchase(client, then.plus(Duration.ofDays(10)), true);
        recorded(client, then.plus(Duration.ofDays(10)));
        purchase(client, then.plus(Duration.ofDays(20)), false);
        recorded(client, then.plus(Duration.ofDays(20)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(first(client, "SURVEY"))
                .as("the return of day 10 is not coming back; the purchase of day 20 is")
                .containsEntry("next_purchase_at", then.plus(Duration.ofDays(20))));
    }

    @Test
    void followsResolutions() {
        long client = fixtures.client(store, "Broken", "Zip", Language.PL);
        long caseId = fixtures.openCase(manager, store, client, "Broken zip", "The zip broke.");
        resolve(caseId, "REFUND", 40, then);
        transactions.executeWithoutResult(status -> events.publishEvent(new CaseResolved(caseId, store, client,
                manager.id(), ResolutionKind.REFUND, Money.of(BigDecimal.valueOf(40), "PLN"), "Refunded", then)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(first(client, "RESOLUTION"))
                .containsEntry("at", then).containsEntry("remedied", true).containsEntry("store_id", store));
    }

    @Test
    void countsAClientByTheirFirstAnswerEverNotTheirFirstInThePeriod() {
        long client = fixtures.client(store, "Answered", "Twice", Language.PL);
        answer(client, 10, then);
        answer(client, 2, then.plus(Duration.ofDays(30)));
        LocalDate first = LocalDate.ofInstant(then, ZoneOffset.UTC);
        ProofFigures.Slice fromTheFirst = new ProofFigures.Slice(Optional.of(store), Optional.empty(), first,
                first.plusDays(60));
        ProofFigures.Slice afterTheFirst = new ProofFigures.Slice(Optional.of(store), Optional.empty(),
                first.plusDays(1), first.plusDays(60));

        assertThat(figures.tally(fromTheFirst, clock.instant()).cell(ProofWindow.DAYS_90, ProofGroup.PROMOTER))
                .isEqualTo(new ProofTally.Cell(1, 0, 0));
        ProofTally after = figures.tally(afterTheFirst, clock.instant());
        assertThat(after.cell(ProofWindow.DAYS_90, ProofGroup.DETRACTOR)).as("the second answer is not a first")
                .isEqualTo(new ProofTally.Cell(0, 0, 0));
    }

    @Test
    void rebuildsTheSameFiguresAsItFollowed() {
        for (int i = 0; i < 6; i++) {
            long client = fixtures.client(store, "Rebuilt", "R" + i, Language.PL);
            answer(client, i < 3 ? 10 : 4, then);
            if (i % 2 == 0) {
                purchase(client, then.plus(Duration.ofDays(30 * i + 1)), false);
            }
            long caseId = fixtures.openCase(manager, store, client, "Question", "A question.");
            resolve(caseId, "ANSWERED", 0, then.plus(Duration.ofDays(1)));
            readModel.follow(List.of(client));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ProofFigures.Slice slice = new ProofFigures.Slice(Optional.of(store), Optional.empty(), today.minusDays(400),
                today);
        ProofTally followed = figures.tally(slice, clock.instant());
        assertThat(followed.cell(ProofWindow.DAYS_90, ProofGroup.PROMOTER)).isEqualTo(new ProofTally.Cell(3, 2, 0));

        readModel.rebuild();

        ProofTally rebuilt = figures.tally(slice, clock.instant());
        for (ProofWindow w : ProofWindow.values()) {
            for (ProofGroup g : ProofGroup.values()) {
                assertThat(rebuilt.cell(w, g)).as(w + " " + g).isEqualTo(followed.cell(w, g));
            }
        }
    }

    private Map<String, Object> first(long client, String kind) {
        return jdbc.sql("""
                select at, come_back, next_purchase_at, remedied, store_id
                  from proof_first_experience where customer_id = :client and kind = :kind""")
                .param("client", client).param("kind", kind)
                .query((rs, row) -> {
                    java.util.HashMap<String, Object> values = new java.util.HashMap<>();
                    values.put("at", rs.getTimestamp("at").toInstant());
                    values.put("come_back", (Integer) rs.getObject("come_back", Integer.class));
                    Timestamp next = rs.getTimestamp("next_purchase_at");
                    values.put("next_purchase_at", next == null ? null : next.toInstant());
                    values.put("remedied", (Boolean) rs.getObject("remedied"));
                    values.put("store_id", rs.getLong("store_id"));
                    return (Map<String, Object>) values;
                }).single();
    }

    private void answer(long client, int comeBack, Instant at) {
        jdbc.sql("""
                insert into survey_answer (store_id, customer_id, channel, come_back, satisfaction, complete,
                                           started_at, answered_at, external_id)
                values (:store, :client, 'IMPORT', :comeBack, 4, true, :at, :at, :ext)""")
                .param("store", store).param("client", client).param("comeBack", comeBack)
                .param("at", Timestamp.from(at)).param("ext", "read-model-" + client + "-" + at.toEpochMilli())
                .update();
    }

    private void purchase(long client, Instant at, boolean isReturn) {
        jdbc.sql("""
                insert into purchase (store_id, invoice_no, customer_id, purchased_at, total, items, line_count,
                                      is_return)
                values (:store, :invoice, :client, :at, :total, 1, 1, :isReturn)""")
                .param("store", store).param("invoice", "RM-" + client + "-" + at.toEpochMilli())
                .param("client", client).param("at", Timestamp.from(at)).param("total", isReturn ? -50 : 50)
                .param("isReturn", isReturn).update();
    }

    /** What purchases publishes once the purchase is stored. */
    private void recorded(long client, Instant at) {
        transactions.executeWithoutResult(status -> events.publishEvent(new PurchasesRecorded(store, null,
                List.of(new PurchasesRecorded.ClientPurchases(client, at, at, false)), at)));
    }

    private void resolve(long caseId, String kind, int cost, Instant at) {
        jdbc.sql("""
                insert into resolution (case_id, kind, cost, currency, judgment, associate_id, created_at)
                values (:case, :kind, :cost, 'PLN', 'Done', :by, :at)""")
                .param("case", caseId).param("kind", kind).param("cost", cost).param("by", manager.id())
                .param("at", Timestamp.from(at)).update();
    }
}
