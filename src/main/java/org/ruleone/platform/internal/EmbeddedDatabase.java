package org.ruleone.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server started inside the application when no database URL is configured.
 * Its data directory survives restarts; a server left running by a killed application is stopped first.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    static EmbeddedDatabase start(EmbeddedDatabaseProperties properties) throws IOException {
        Path dir = properties.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dir);
        stopOrphanedServer(dir);
        boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(properties.cleanOnStart())
                .setPort(properties.port())
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring closes the bean after everything using the database has stopped; a second,
                // concurrent shutdown hook would pull the database from under them.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", String.valueOf(properties.maxConnections()))
                .setServerConfig("shared_buffers", properties.sharedBuffers())
                .setServerConfig("listen_addresses", "localhost");
        if (!properties.durable()) {
            // Only for throw-away test databases: trades crash safety for speed.
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL {} on port {} with data in {}", fresh ? "created" : "started",
                postgres.getPort(), dir);
        return new EmbeddedDatabase(postgres, dir);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        log.info("Stopping embedded PostgreSQL in {}", dataDirectory);
        postgres.close();
    }

    /**
     * After {@code kill -9} of the application the postmaster keeps running and holds the data directory.
     * Its pid is the first line of {@code postmaster.pid}; if that process is a postgres for this directory,
     * ask it to shut down (SIGINT = fast shutdown, which still writes a checkpoint) and wait for it.
     */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return; // stale pid file: PostgreSQL itself removes it on start
        }
        log.warn("PostgreSQL (pid {}) from an earlier run still owns {}; shutting it down first", pid, dataDirectory);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("Could not stop the PostgreSQL server left by an earlier run (pid " + pid + ")", e);
        }
    }
}
