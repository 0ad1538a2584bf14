package org.ruleone.clienteling;

import org.ruleone.support.MutableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruleone.catalog.ItemRequested;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.DateKind;
import org.ruleone.customers.ImportantDate;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.ImportStatus;
import org.ruleone.purchases.ImportSummary;
import org.ruleone.purchases.PurchaseImports;
import org.ruleone.purchases.PurchasesRecorded;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tasks made by events and the calendar, on a fixed clock, and closed by people. */
@IntegrationTest
@Import(TasksIntegrationTests.Setup.class)
// The hourly calendar scan is off in every test (application-test.properties): only the test decides when it runs.
class TasksIntegrationTests {

    static final Instant NOW = Instant.parse("2026-06-10T10:00:00Z");

    @TestConfiguration
    static class Setup {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }

        @Bean
        BatchCounter batchCounter() {
            return new BatchCounter();
        }
    }

    /** Counts the purchase events, to show an import raises one, not one per line. */
    static class BatchCounter {
        final AtomicInteger events = new AtomicInteger();
        final AtomicInteger clients = new AtomicInteger();

        @EventListener
        void on(PurchasesRecorded event) {
            events.incrementAndGet();
            clients.addAndGet(event.clients().size());
        }
    }

    @Autowired TestPeople people;
    @Autowired ClientBook book;
    @Autowired TillPurchases till;
    @Autowired PurchaseImports imports;
    @Autowired Tasks tasks;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired BatchCounter counter;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @TempDir Path dir;

    long store;
    SignedInAssociate associate;
    LocalDate today;

    @BeforeEach
    void store() {
        clock.set(NOW);
        store = people.store("Tasks " + System.nanoTime());
        associate = people.person(Role.ASSOCIATE, store);
        today = tasks.today(store);
    }

    @AfterEach
    void resetClock() {
        clock.set(NOW);
    }

    @Test
    void aFirstPurchaseGivesTheBookKeeperOneThankYouNoteEver() {
        long client = client("C-" + System.nanoTime(), associate.id(), List.of());
        String number = book.client(client, Optional.empty()).orElseThrow().externalId();

        buy(number, NOW.minus(Duration.ofHours(1)));
        List<Task> thanks = tasks.openThankYous(Tasks.Who.only(store, associate.id()));
        assertThat(thanks).singleElement().satisfies(t -> {
            assertThat(t.customerId()).isEqualTo(client);
            assertThat(t.kind()).isEqualTo(TaskKind.THANK_YOU);
            assertThat(t.dueOn()).isEqualTo(today);
            assertThat(t.customerName()).isEqualTo("Hélène Château");
        });

        buy(number, NOW.minus(Duration.ofMinutes(30)));
        assertThat(countOf(TaskKind.THANK_YOU, client)).isEqualTo(1);

        assertThat(tasks.close(thanks.get(0).id(), Optional.of(store), TaskStatus.DONE, associate.id(), "")).isTrue();
        buy(number, NOW.minus(Duration.ofMinutes(10)));
        assertThat(countOf(TaskKind.THANK_YOU, client)).isEqualTo(1);
        Task done = tasks.find(thanks.get(0).id(), Optional.of(store)).orElseThrow();
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.closedBy()).isEqualTo(associate.id());
        assertThat(done.closedAt()).isEqualTo(NOW);
    }

    @Test
    void aNewClientNobodyKeepsGetsATaskForTheWholeStore() {
        String number = "W-" + System.nanoTime();
        buy(number, NOW.minus(Duration.ofHours(2)));

        List<Task> thanks = tasks.openThankYous(Tasks.Who.store(store));
        assertThat(thanks).singleElement().satisfies(t -> {
            assertThat(t.associateId()).isNull();
            assertThat(t.customerName()).isEqualTo("#" + number);
        });
        // An associate sees the store's tasks beside their own.
        assertThat(tasks.openThankYous(Tasks.Who.associate(store, associate.id()))).hasSize(1);
        assertThat(tasks.openThankYous(Tasks.Who.only(store, associate.id()))).isEmpty();
    }

    @Test
    void aFirstPurchaseLongAgoIsHistoryNotANewClient() {
        buy("H-" + System.nanoTime(), NOW.minus(Duration.ofDays(90)));
        assertThat(tasks.openThankYous(Tasks.Who.store(store))).isEmpty();
    }

    @Test
    void aPurchaseEventHandledLateMakesItsThankYouAsOfWhenThePurchaseWasRecorded() {
        long client = client("L-" + System.nanoTime(), associate.id(), List.of());
        Instant recorded = NOW.minus(Duration.ofDays(40));
        Instant bought = recorded.minus(Duration.ofHours(1));
        // The event of a purchase recorded 40 days ago, handled only now (its listener failed then and the event
        // was republished): by the time of the replay the first purchase is older than the thank-you window.
        transactions.executeWithoutResult(status -> events.publishEvent(new PurchasesRecorded(store, null,
                List.of(new PurchasesRecorded.ClientPurchases(client, bought, bought, true)), recorded)));

        eventually(() -> assertThat(tasks.openThankYous(Tasks.Who.store(store))).singleElement().satisfies(t -> {
            assertThat(t.customerId()).isEqualTo(client);
            assertThat(t.createdAt()).as("stamped with the event's time, not the replay's").isEqualTo(recorded);
            assertThat(t.dueOn()).isEqualTo(LocalDate.ofInstant(bought, ZoneId.of("Europe/Warsaw")));
        }));
    }

    @Test
    void followUpsComeOnlyWhenTheStoreAsksForThem() {
        long first = client("F-" + System.nanoTime(), associate.id(), List.of());
        buy(book.client(first, Optional.empty()).orElseThrow().externalId(), NOW.minus(Duration.ofHours(1)));
        assertThat(countOf(TaskKind.FOLLOW_UP, first)).isZero();

        tasks.saveSettings(new TaskSettings(store, 7, null, 7));
        long second = client("G-" + System.nanoTime(), associate.id(), List.of());
        buy(book.client(second, Optional.empty()).orElseThrow().externalId(), NOW.minus(Duration.ofHours(1)));

        List<Task> coming = tasks.coming(Tasks.Who.store(store), today, today.plusDays(30));
        assertThat(coming).filteredOn(t -> t.kind() == TaskKind.FOLLOW_UP).singleElement().satisfies(t -> {
            assertThat(t.customerId()).isEqualTo(second);
            assertThat(t.dueOn()).isEqualTo(today.plusDays(7));
            assertThat(t.occursOn()).isEqualTo(today);
            assertThat(t.associateId()).isEqualTo(associate.id());
        });
    }

    @Test
    void aBirthdayTaskAppearsTheLeadTimeAheadOncePerYear() {
        LocalDate birthday = today.plusDays(5);
        long client = client(null, associate.id(), List.of(
                new ImportantDate(DateKind.BIRTHDAY, "", MonthDay.from(birthday), 1980),
                new ImportantDate(DateKind.ANNIVERSARY, "", MonthDay.from(today.plusDays(20)), null)));

        assertThat(tasks.scanNow(store)).isEqualTo(1);
        assertThat(tasks.scanNow(store)).isZero();
        Task task = tasks.ofClient(store, client).get(0);
        assertThat(task.kind()).isEqualTo(TaskKind.BIRTHDAY);
        assertThat(task.occursOn()).isEqualTo(birthday);
        assertThat(task.dueOn()).isEqualTo(today);

        // The anniversary in 20 days comes when the lead time reaches it.
        tasks.saveSettings(new TaskSettings(store, null, null, 21));
        assertThat(countOf(TaskKind.ANNIVERSARY, client)).isEqualTo(1);

        clock.advance(Duration.ofDays(365));
        assertThat(tasks.scanNow(store)).isEqualTo(2);
        assertThat(countOf(TaskKind.BIRTHDAY, client)).isEqualTo(2);
    }

    @Test
    void aLapsedClientIsRemindedOnceForTheirLastPurchase() {
        long client = client("L-" + System.nanoTime(), null, List.of());
        buy(book.client(client, Optional.empty()).orElseThrow().externalId(), NOW.minus(Duration.ofDays(70)));
        assertThat(tasks.scanNow(store)).isZero();

        tasks.saveSettings(new TaskSettings(store, null, 60, 7));
        assertThat(countOf(TaskKind.LAPSED, client)).isEqualTo(1);
        assertThat(tasks.scanNow(store)).isZero();

        // They came back: no reminder until they lapse again.
        buy(book.client(client, Optional.empty()).orElseThrow().externalId(), NOW.minus(Duration.ofDays(1)));
        assertThat(tasks.scanNow(store)).isZero();
        clock.advance(Duration.ofDays(61));
        assertThat(tasks.scanNow(store)).isEqualTo(1);
        assertThat(countOf(TaskKind.LAPSED, client)).isEqualTo(2);
    }

    @Test
    void anItemAnotherStoreAsksForBecomesATaskInTheStoreThatHasIt() {
        long asking = people.store("Asking " + System.nanoTime());
        long client = client(null, null, List.of());
        ItemRequested request = new ItemRequested(4242 + System.nanoTime() % 1000, store, asking, client, associate.id(),
                "SKU-9", "Ballerines cuir", 1, NOW);
        transactions.executeWithoutResult(tx -> events.publishEvent(request));
        eventually(() -> assertThat(tasks.open(Tasks.Who.store(store), today)).hasSize(1));
        transactions.executeWithoutResult(tx -> events.publishEvent(request));
        eventually(() -> assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Integer.class).single()).isZero());

        List<Task> open = tasks.open(Tasks.Who.store(store), today);
        assertThat(open).filteredOn(t -> t.kind() == TaskKind.SEND_ITEM).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Ballerines cuir (SKU-9) × 1");
            assertThat(t.otherStoreId()).isEqualTo(asking);
            assertThat(t.customerId()).isEqualTo(client);
        });
        assertThat(tasks.open(Tasks.Who.store(asking), today)).isEmpty();
        Task sendIt = tasks.forItemRequest(request.requestId()).orElseThrow();
        assertThat(sendIt.storeId()).isEqualTo(store);
        assertThat(sendIt.itemRequestId()).isEqualTo(request.requestId());
    }

    @Test
    void aTaskAddedByHandNeedsATitleAndIsClosedOnlyInItsOwnStore() {
        assertThatThrownBy(() -> tasks.add(store, null, null, " ", today, associate.id()))
                .isInstanceOf(IllegalArgumentException.class);
        long other = people.store("Other " + System.nanoTime());
        SignedInAssociate stranger = people.person(Role.ASSOCIATE, other);
        assertThatThrownBy(() -> tasks.add(store, stranger.id(), null, "Call back", today, associate.id()))
                .isInstanceOf(IllegalArgumentException.class);

        long id = tasks.add(store, associate.id(), null, "Call Mrs Nowak about the boots", today.minusDays(1),
                associate.id());
        assertThat(tasks.close(id, Optional.of(other), TaskStatus.DONE, stranger.id(), "")).isFalse();
        assertThat(tasks.countsPerAssociate(store)).singleElement().satisfies(c -> {
            assertThat(c.associateId()).isEqualTo(associate.id());
            assertThat(c.overdue()).isEqualTo(1);
        });
        assertThat(tasks.close(id, Optional.of(store), TaskStatus.SKIPPED, associate.id(), "")).isTrue();
        assertThat(tasks.close(id, Optional.of(store), TaskStatus.DONE, associate.id(), "")).isFalse();
        assertThat(tasks.closedRecently(Tasks.Who.store(store))).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TaskStatus.SKIPPED));
    }

    @Test
    void aBigImportRaisesOneEventAndItsThankYousAreMadeSetBased() throws IOException {
        int customers = 2_000;
        int lines = 40_000;
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        String day = LocalDate.ofInstant(NOW, ZoneId.of("Europe/Warsaw")).minusDays(2).atTime(11, 0).format(format);
        StringBuilder csv = new StringBuilder(
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
        long base = System.nanoTime() % 1_000_000_000L * 10_000;
        for (int i = 0; i < lines; i++) {
            int customer = (i / 4) % customers;
            csv.append("T").append(base + i / 4).append(",SKU").append(i % 97).append(",ITEM,1,").append(day)
                    .append(",2.50,").append(base + customer).append(",Poland\n");
        }
        Path file = dir.resolve("big.csv");
        Files.writeString(file, csv);
        counter.events.set(0);
        counter.clients.set(0);

        long started = System.nanoTime();
        ImportSummary summary = imports.importNow(new PurchaseImports.Request(store, file, "big.csv",
                ColumnMapping.onlineRetail(), false, null));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(summary.rowsImported()).isEqualTo(lines);
        eventually(() -> assertThat(jdbc.sql(
                "select count(*) from clienteling_task where store_id = :s and kind = 'THANK_YOU'")
                .param("s", store).query(Integer.class).single()).isEqualTo(customers));
        millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(counter.events.get()).isEqualTo(1);
        assertThat(counter.clients.get()).isEqualTo(customers);
        System.out.printf("Import of %,d lines with %,d new clients and their thank-you tasks: %,d ms%n", lines,
                customers, millis);

        // The same file again adds no line, raises no event and makes no second thank-you.
        ImportSummary again = imports.importNow(new PurchaseImports.Request(store, file, "big.csv",
                ColumnMapping.onlineRetail(), false, null));
        assertThat(again.rowsImported()).isZero();
        assertThat(counter.events.get()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from clienteling_task where store_id = :s and kind = 'THANK_YOU'")
                .param("s", store).query(Integer.class).single()).isEqualTo(customers);
    }

    /** Listeners run after the commit, on another thread: wait (at most 20 s) until the condition holds. */
    static void eventually(Runnable check) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private long client(String number, Long keeper, List<ImportantDate> dates) {
        return book.add(new ClientDraft(store, number, "Hélène", "Château", null, null,
                new PostalAddress("12 rue de l’Église", "", "45000", "Orléans", "", "France"), Language.FR, "",
                List.of(), dates, "", keeper));
    }

    /** A purchase through the till; returns once the clienteling module has taken it in. */
    private void buy(String number, Instant at) {
        var recorded = till.record(new TillPurchase(store, "INV-" + System.nanoTime(), at, number, "France",
                List.of(new TillPurchase.Line("SKU-1", "Escarpins", 1, new BigDecimal("120.00"))))).orElseThrow();
        eventually(() -> assertThat(jdbc.sql("""
                select count(*) from clienteling_activity where customer_id = :c and last_purchase_at >= :at
                """).param("c", recorded.customerId()).param("at", java.sql.Timestamp.from(at))
                .query(Integer.class).single()).isEqualTo(1));
        eventually(() -> assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Integer.class).single()).isZero());
    }

    private int countOf(TaskKind kind, long client) {
        return (int) tasks.ofClient(store, client).stream().filter(t -> t.kind() == kind).count();
    }
}
