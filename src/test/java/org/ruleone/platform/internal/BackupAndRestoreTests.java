package org.ruleone.platform.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.internal.DatabaseBackups.Problem;
import org.ruleone.platform.internal.DatabaseBackups.Run;
import org.ruleone.platform.internal.DatabaseBackups.Trigger;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.Resolution;
import org.ruleone.service.ResolutionKind;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.OwnDatabase;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Backups of the embedded database (ADR 0121): taken while cases are opened, restored into a fresh data directory
 * with every figure as it was in the backup's snapshot; the oldest removed beyond the number kept; a failure recorded,
 * logged and shown; the owner's alone.
 */
@IntegrationTest
@OwnDatabase
@ExtendWith(OutputCaptureExtension.class)
class BackupAndRestoreTests {

    /** What the figure pages add up, straight from the tables. */
    private static final String FIGURES = """
            select (select count(*) from customer) as clients,
                   (select count(*) from purchase) as purchases,
                   (select coalesce(sum(total), 0) from purchase) as purchase_total,
                   (select count(*) from ledger_spend) as spends,
                   (select coalesce(sum(cost), 0) from ledger_spend) as spent,
                   (select count(*) from service_case) as cases,
                   (select count(*) from service_case where status = 'RESOLVED') as resolved,
                   (select count(*) from case_message) as messages
            """;

    @Autowired DatabaseBackups backups;
    @Autowired EmbeddedDatabase database;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceFixtures service;
    @Autowired TestPeople people;
    @Autowired ClientBook book;
    @Autowired CaseDesk desk;
    @Autowired TillPurchases till;
    @Autowired MockMvc mvc;
    @Value("${ruleone.links.key-file}") Path linkKeyFile;

    @TempDir Path temp;

    SignedInAssociate owner;

    @BeforeEach
    void anOwner() {
        owner = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(people::owner, o -> true);
    }

    @Test
    void restoresABackupTakenWhileCasesAreOpenedWithEveryFigureAsInItsSnapshot() throws Exception {
        long store = service.store();
        SignedInAssociate anna = service.associate(store);
        for (int i = 0; i < 5; i++) {
            long client = service.client(store, "Client" + i, "Backup", Language.EN);
            till.record(new TillPurchase(store, "INV-" + UUID.randomUUID(), Instant.parse("2026-11-02T10:00:00Z"),
                    null, "US", List.of(new TillPurchase.Line("SKU", "Coat", 1, new BigDecimal("120.50")))));
            long caseId = service.openCase(anna, store, client, "Loose button", "It came off.");
            desk.resolve(caseId, Optional.of(store), anna.id(),
                    Resolution.of(ResolutionKind.GOODWILL, Money.of(new BigDecimal("15"), "USD")), "Sewn on at once.");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from ledger_spend where store_id = ?")
                .param(store).query(Long.class).single() == 5);
        assertThat(backups.save(temp.resolve("backups").toString(), 3, false)).isEmpty();
        long client = service.client(store, "Busy", "Client", Language.EN);

        AtomicBoolean opening = new AtomicBoolean(true);
        AtomicInteger opened = new AtomicInteger();
        AtomicReference<Throwable> openerFailed = new AtomicReference<>();
        Thread opener = Thread.ofPlatform().name("opens-cases").start(() -> {
            try {
                while (opening.get()) {
                    service.openCase(anna, store, client, "Opened during the backup", "Case " + opened.get());
                    opened.incrementAndGet();
                }
            } catch (Throwable e) {
                openerFailed.set(e);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> opened.get() >= 3);

        AtomicReference<Map<String, String>> atSnapshot = new AtomicReference<>();
        AtomicInteger openedAtSnapshot = new AtomicInteger();
        Run run = backups.backUp(Trigger.OWNER, snapshot -> {
            openedAtSnapshot.set(opened.get());
            atSnapshot.set(figuresInSnapshot(snapshot));
        }).orElseThrow();
        int openedAfterBackup = opened.get();
        await().atMost(Duration.ofSeconds(20)).until(() -> opened.get() >= openedAfterBackup + 3);
        opening.set(false);
        opener.join();
        assertThat(openerFailed.get()).isNull();

        assertThat(run.failed()).as(run.failure()).isFalse();
        assertThat(run.verified()).isTrue();
        assertThat(run.sizeBytes()).isPositive();
        assertThat(openedAtSnapshot.get()).as("cases opened before the snapshot").isPositive();
        Map<String, String> live = figures(jdbc);
        assertThat(Long.parseLong(live.get("cases"))).as("cases opened after the snapshot are not in the backup")
                .isGreaterThan(Long.parseLong(atSnapshot.get().get("cases")));

        Path restoredDir = temp.resolve("restored-data");
        DatabaseRestore.Restored restored = DatabaseRestore.restore(Path.of(run.file()), restoredDir);
        assertThat(restored.rows()).isEqualTo(run.rowCount());

        try (EmbeddedDatabase started = EmbeddedDatabase.start(new EmbeddedDatabaseProperties(restoredDir, 0, false,
                false, 20, "32MB"));
             Connection c = DriverManager.getConnection(started.jdbcUrl(), started.username(), started.password())) {
            assertThat(figures(c)).isEqualTo(atSnapshot.get());
        }
        if (Files.exists(linkKeyFile)) {
            assertThat(Files.readString(restoredDir.resolve("links.key"))).isEqualTo(Files.readString(linkKeyFile));
        }
    }

    @Test
    void refusesToRestoreIntoADataDirectoryInUse() throws Exception {
        assertThat(backups.save(temp.resolve("backups").toString(), 3, false)).isEmpty();
        Run run = backups.backUp(Trigger.OWNER, snapshot -> { }).orElseThrow();
        Path used = Files.createDirectories(temp.resolve("used"));
        Files.writeString(used.resolve("PG_VERSION"), "17");

        assertThat(DatabaseRestore.run("restore", "--file=" + run.file(), "--data-dir=" + used)).isEqualTo(2);
        assertThat(DatabaseRestore.run("restore", "--data-dir=" + temp.resolve("fresh"))).isEqualTo(2);
        assertThat(Files.exists(temp.resolve("fresh"))).isFalse();
        assertThat(Files.readString(used.resolve("PG_VERSION"))).isEqualTo("17");
    }

    @Test
    void restoresEachBackupIntoAScratchDatabaseWhichCatchesASchemaTheMigrationsCannotMake() throws Exception {
        assertThat(backups.save(temp.resolve("checked").toString(), 3, false)).isEmpty();
        Path file = Path.of(backups.backUp(Trigger.OWNER, s -> { }).orElseThrow().file());

        backups.restoreIntoScratchDatabase(file);

        jdbc.sql("alter table backup_setting add column hand_made_note text").update();
        try {
            Path handMade = Path.of(backups.backUp(Trigger.OWNER, s -> { }).orElseThrow().file());
            assertThatThrownBy(() -> backups.restoreIntoScratchDatabase(handMade)).hasMessageContaining("hand_made_note");
        } finally {
            jdbc.sql("alter table backup_setting drop column hand_made_note").update();
        }
        assertThat(jdbc.sql("select count(*) from pg_database where datname = 'ruleone_backup_check'")
                .query(Long.class).single()).as("scratch databases left").isZero();
    }

    @Test
    void keepsTheNewestBackupsAndRemovesTheOldest() throws Exception {
        Path folder = temp.resolve("kept");
        assertThat(backups.save(folder.toString(), 2, false)).isEmpty();
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("notes.txt"), "the owner's own file");
        Path first = Path.of(backups.backUp(Trigger.NIGHTLY, s -> { }).orElseThrow().file());
        Thread.sleep(5); // names carry the millisecond
        Path second = Path.of(backups.backUp(Trigger.NIGHTLY, s -> { }).orElseThrow().file());
        Thread.sleep(5);
        Path third = Path.of(backups.backUp(Trigger.NIGHTLY, s -> { }).orElseThrow().file());

        assertThat(files(folder)).containsExactlyInAnyOrder(second.getFileName().toString(),
                third.getFileName().toString(), "notes.txt");
        assertThat(first).doesNotExist();
    }

    @Test
    void recordsLogsAndShowsAFailedBackup(CapturedOutput output) throws Exception {
        Path folder = temp.resolve("share");
        assertThat(backups.save(folder.toString(), 3, false)).isEmpty();
        Files.delete(folder);
        Files.writeString(folder, "the share went away and a file took its name");

        Run run = backups.backUp(Trigger.NIGHTLY, s -> { }).orElseThrow();

        assertThat(run.failed()).isTrue();
        assertThat(backups.lastFailure()).map(Run::id).contains(run.id());
        assertThat(output.getOut() + output.getErr()).contains("ERROR").contains("Backup failed");
        mvc.perform(get("/settings/backups").with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"backup-failed\"")))
                .andExpect(content().string(containsString("The last backup failed")));
        mvc.perform(get("/").with(user(owner)))
                .andExpect(content().string(containsString("id=\"backup-failure-notice\"")));

        Files.delete(folder);
        Files.createDirectories(folder);
        assertThat(backups.backUp(Trigger.OWNER, s -> { }).orElseThrow().failed()).isFalse();
        mvc.perform(get("/").with(user(owner)))
                .andExpect(content().string(not(containsString("id=\"backup-failure-notice\""))));
    }

    @Test
    void refusesAFolderThatIsAFileRelativeOrInsideTheDataDirectoryUnlessConfirmed() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        Path inside = database.dataDirectory().resolve("backups");

        assertThat(backups.save(file.toString(), 3, false)).containsExactly(Problem.NOT_A_FOLDER);
        assertThat(backups.save("backups", 3, false)).containsExactly(Problem.NOT_ABSOLUTE);
        assertThat(backups.save(temp.resolve("ok").toString(), 0, false)).containsExactly(Problem.KEEP);
        assertThat(backups.save(inside.toString(), 3, false)).containsExactly(Problem.INSIDE_DATA_DIRECTORY);
        assertThat(backups.save(inside.toString(), 3, true)).isEmpty();
        assertThat(backups.settings()).map(DatabaseBackups.Settings::folder).contains(inside);

        mvc.perform(post("/settings/backups").with(user(owner)).with(csrf())
                        .param("folder", file.toString()).param("keep", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("That path is a file, not a folder.")));
        assertThat(backups.settings()).map(DatabaseBackups.Settings::folder).contains(inside);
    }

    @Test
    void letsOnlyTheOwnerSeeAndChangeTheBackups() throws Exception {
        SignedInAssociate manager = people.person(Role.MANAGER, service.store());
        Path folder = temp.resolve("owners-choice");
        assertThat(backups.save(folder.toString(), 3, false)).isEmpty();

        mvc.perform(get("/settings/backups").with(user(manager))).andExpect(status().isForbidden());
        mvc.perform(post("/settings/backups").with(user(manager)).with(csrf())
                .param("folder", temp.resolve("managers-choice").toString()).param("keep", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/backups/run").with(user(manager)).with(csrf())).andExpect(status().isForbidden());
        assertThat(backups.settings()).map(DatabaseBackups.Settings::folder).contains(folder);

        mvc.perform(post("/settings/backups").with(user(owner)).with(csrf())
                        .param("folder", temp.resolve("new-choice").toString()).param("keep", "4"))
                .andExpect(status().is3xxRedirection());
        assertThat(backups.settings()).map(DatabaseBackups.Settings::keep).contains(4);
        long before = backups.recent(100).size();
        mvc.perform(post("/settings/backups/run").with(user(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(30)).until(() -> backups.recent(100).size() > before);
        mvc.perform(get("/settings/backups").with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"backup-last\"")))
                .andExpect(content().string(containsString("Read back and verified")))
                .andExpect(content().string(containsString("Back up now")));
    }

    @Test
    void showsABackupUnderWayAndStartsNoSecondOne() throws Exception {
        assertThat(backups.save(temp.resolve("slow-share").toString(), 3, false)).isEmpty();
        java.util.concurrent.CountDownLatch inTheSnapshot = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread slow = Thread.ofPlatform().start(() -> backups.backUp(Trigger.OWNER, snapshot -> {
            inTheSnapshot.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(inTheSnapshot.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            mvc.perform(get("/settings/backups").with(user(owner)))
                    .andExpect(content().string(containsString("A backup is running")))
                    .andExpect(content().string(containsString("hx-trigger=\"every 2s\"")))
                    .andExpect(content().string(containsString("Backing up…")));
            assertThat(backups.startNow()).isFalse();
            assertThat(backups.backUp(Trigger.NIGHTLY, s -> { })).isEmpty();
        } finally {
            release.countDown();
            slow.join();
        }
        mvc.perform(get("/settings/backups").with(user(owner)))
                .andExpect(content().string(not(containsString("A backup is running"))))
                .andExpect(content().string(not(containsString("hx-trigger"))));
    }

    /** The figures in the backup's own snapshot: what the file holds, whatever committed meanwhile. */
    private Map<String, String> figuresInSnapshot(String snapshot) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = c.createStatement()) {
                s.execute("set transaction snapshot '" + snapshot + "'");
            }
            Map<String, String> figures = figures(c);
            c.rollback();
            c.setAutoCommit(true);
            return figures;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> figures(JdbcClient jdbc) {
        return jdbc.sql(FIGURES).query((r, n) -> row(r)).single();
    }

    private static Map<String, String> figures(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(FIGURES)) {
            r.next();
            return row(r);
        }
    }

    private static Map<String, String> row(ResultSet r) throws SQLException {
        Map<String, String> figures = new LinkedHashMap<>();
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
            figures.put(r.getMetaData().getColumnLabel(i), r.getBigDecimal(i).stripTrailingZeros().toPlainString());
        }
        return figures;
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
