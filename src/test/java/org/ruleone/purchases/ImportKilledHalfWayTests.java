package org.ruleone.purchases;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruleone.RuleOneApplication;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.shared.Language;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shell import of the whole Online Retail file runs in its own JVM and is killed with SIGKILL half-way; the
 * application then starts on the same data and finds nothing half-imported, shows the import as interrupted
 * (never completed), and resumes it to the full file.
 */
class ImportKilledHalfWayTests {

    static final Path FILE = Path.of("../shared/data/online_retail/online_retail.csv").toAbsolutePath();

    @Test
    void showsAKilledImportAsInterruptedWithNothingHalfDoneAndResumesIt(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        int dbPort = freePort();
        try (var app = start(data, dbPort)) {
            app.getBean(Organization.class).setUp("Kim Owner", "kim@example.com", "a long test password",
                    new StoreDraft("Kill Store", "", "GB", ZoneId.of("Europe/London"), Language.EN, List.of()),
                    Language.EN);
        }

        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder shell = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RuleOneApplication.class.getName(), "import", "--file=" + FILE, "--store=Kill Store")
                .redirectErrorStream(true).redirectOutput(Path.of("target/killed-import.log").toFile());
        shell.environment().put("RULEONE_DATA_DIR", data.toString());
        shell.environment().put("RULEONE_DB_PORT", Integer.toString(dbPort));
        Process importing = shell.start();
        try {
            // a second JVM starting the application: on a machine loaded by other builds it took over a minute
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "RUNNING".equals(status(data, dbPort)));
            Thread.sleep(700); // well into the load
            assertThat(importing.isAlive()).as("the import was still running when killed").isTrue();
        } finally {
            importing.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the JVM
            importing.waitFor(30, TimeUnit.SECONDS);
        }

        try (var app = start(data, dbPort)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            PurchaseImports imports = app.getBean(PurchaseImports.class);
            assertThat(count(jdbc, "purchase_line")).as("no half-imported lines").isZero();
            assertThat(count(jdbc, "purchase")).as("no half-imported purchases").isZero();
            long id = jdbc.sql("select id from purchase_import").query(Long.class).single();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                imports.markStaleRunsInterrupted();
                assertThat(imports.find(id).orElseThrow().status()).isEqualTo(ImportStatus.INTERRUPTED);
            });

            assertThat(imports.resume(id)).isTrue();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .until(() -> imports.find(id).orElseThrow().status() == ImportStatus.COMPLETED);
            assertThat(count(jdbc, "purchase_line")).isEqualTo(541_909);
            assertThat(count(jdbc, "purchase")).isEqualTo(25_900);
        }
    }

    private static ConfigurableApplicationContext start(Path data, int dbPort) {
        // Command-line arguments, so they win over application.properties as they would for a real run.
        return new SpringApplicationBuilder(RuleOneApplication.class)
                .run("--server.port=-1", "--spring.main.banner-mode=off",
                        "--ruleone.embedded-db.data-directory=" + data, "--ruleone.embedded-db.port=" + dbPort,
                        "--ruleone.uploads.directory=" + data.resolveSibling("uploads"));
    }

    private static String status(Path data, int dbPort) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres",
                "ruleone", applicationPassword(data));
             ResultSet rs = c.createStatement().executeQuery("select status from purchase_import")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception notYet) {
            return null;
        }
    }

    /** The embedded database keeps its passwords in a {@code .pgpass} file in its data directory. */
    private static String applicationPassword(Path data) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(data.resolve("pgpass")).stream()
                .filter(line -> line.startsWith("*:*:*:ruleone:")).map(line -> line.substring(14))
                .findFirst().orElseThrow();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
