package org.ruleone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL for every test context of a test JVM (ADR 0090). The migrations run once, into a template
 * database; each Spring context then gets its own copy ({@code create database … template …}, a file copy that takes
 * milliseconds), owned by the application's role {@value #APPLICATION_ROLE} that is no superuser, as in production.
 */
public final class SharedDatabase {

    static final String APPLICATION_ROLE = "ruleone";
    private static final Logger log = LoggerFactory.getLogger(SharedDatabase.class);
    private static final String TEMPLATE = "ruleone_template";
    private static final AtomicInteger COPIES = new AtomicInteger();
    private static volatile SharedDatabase instance;

    private final EmbeddedPostgres postgres;
    private final String password;

    private SharedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /** The server of this JVM, started and migrated on first use. */
    public static SharedDatabase get() {
        SharedDatabase known = instance;
        if (known == null) {
            synchronized (SharedDatabase.class) {
                if (instance == null) {
                    instance = start();
                }
                known = instance;
            }
        }
        return known;
    }

    private static SharedDatabase start() {
        try {
            Path dir = Files.createTempDirectory("rule-one-test-db");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Our own hook stops the server once the contexts have closed (see stopWhenUnused).
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "400")
                    .setServerConfig("shared_buffers", "64MB")
                    .setServerConfig("listen_addresses", "localhost")
                    // Throw-away test data: trades crash safety for speed.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            String password = random();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role " + APPLICATION_ROLE + " login nosuperuser nocreaterole nocreatedb password '"
                        + password.replace("'", "''") + "'");
                s.execute("grant set on parameter session_replication_role to " + APPLICATION_ROLE);
                s.execute("create database " + TEMPLATE + " owner " + APPLICATION_ROLE);
            }
            SharedDatabase database = new SharedDatabase(postgres, password);
            Runtime.getRuntime().addShutdownHook(new Thread(database::stopWhenUnused, "shared-test-database"));
            Flyway.configure()
                    .dataSource(database.url(TEMPLATE), APPLICATION_ROLE, password)
                    .locations("classpath:db/migration")
                    .javaMigrations(javaMigrations())
                    .load()
                    .migrate();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the tests' embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the tests' embedded PostgreSQL", e);
        }
    }

    /**
     * The Java migrations the application runs as Spring beans (such as customers' V105), found the way Spring finds
     * them and made with their no-argument constructor, so the template has every migration the application expects.
     */
    private static org.flywaydb.core.api.migration.JavaMigration[] javaMigrations() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(
                org.flywaydb.core.api.migration.JavaMigration.class));
        return scanner.findCandidateComponents("org.ruleone").stream().map(candidate -> {
            try {
                var constructor = Class.forName(candidate.getBeanClassName()).getDeclaredConstructor();
                constructor.setAccessible(true);
                return (org.flywaydb.core.api.migration.JavaMigration) constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot make the Java migration " + candidate.getBeanClassName(), e);
            }
        }).toArray(org.flywaydb.core.api.migration.JavaMigration[]::new);
    }

    /** A new database, migrated, for one Spring context; its JDBC URL. */
    public String newDatabase() {
        String name = "ruleone_" + COPIES.incrementAndGet();
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("create database " + name + " template " + TEMPLATE + " owner " + APPLICATION_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy the template database into " + name, e);
        }
        log.info("Test database {} copied from the template in {} ms", name, (System.nanoTime() - started) / 1_000_000);
        return url(name);
    }

    /**
     * At the end of the JVM, Spring closes the cached contexts in a shutdown hook of its own, running beside this
     * one; stopped first, the server would leave every context to time out on its way down. So the server is
     * stopped once no context holds a connection (or after 20 seconds).
     */
    private void stopWhenUnused() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try {
            while (System.nanoTime() < deadline && connectedApplications() > 0) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            log.debug("Could not count the connections left; stopping the server", e);
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the tests' embedded PostgreSQL", e);
        }
    }

    private long connectedApplications() throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "postgres");
             Statement s = c.createStatement();
             var rs = s.executeQuery("select count(*) from pg_stat_activity where usename = '" + APPLICATION_ROLE + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public String username() {
        return APPLICATION_ROLE;
    }

    public String password() {
        return password;
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** 32 random bytes in base64: a password, or a mailroom key. */
    public static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
