package org.ruleone.platform.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the embedded database in a separate JVM, commits a row, kills that JVM with SIGKILL (its PostgreSQL
 * is left running, orphaned), then starts the database again from this JVM on the same directory.
 */
class EmbeddedDatabaseSurvivesKillTests {

    @Test
    void startsAgainWithCommittedDataAfterTheApplicationWasKilled(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledApplication.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        assertThat(waitForLine(child, "COMMITTED")).as("child committed a row").isTrue();
        child.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.waitFor(30, TimeUnit.SECONDS);
        assertThat(Files.exists(data.resolve("postmaster.pid"))).as("orphaned server still holds the directory").isTrue();

        var properties = new EmbeddedDatabaseProperties(data, 0, false, true, 20, "32MB");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(properties);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             ResultSet rs = c.createStatement().executeQuery("select note from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("acknowledged before kill -9");
        }
    }

    private static boolean waitForLine(Process child, String wanted) throws java.io.IOException {
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The process that gets killed: starts the database, commits, reports, then waits to be killed. */
    public static final class KilledApplication {
        public static void main(String[] args) throws Exception {
            var properties = new EmbeddedDatabaseProperties(Path.of(args[0]), 0, false, true, 20, "32MB");
            EmbeddedDatabase db = EmbeddedDatabase.start(properties);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                c.createStatement().execute("create table survivor (note text)");
                c.createStatement().execute("insert into survivor values ('acknowledged before kill -9')");
            }
            System.out.println("COMMITTED");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}
