package org.ruleone.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server started inside the application when no database URL is configured.
 * Its data directory survives restarts; a server left running by a killed application is stopped first.
 * <p>
 * Every connection needs a password (SCRAM): the superuser's and the application role's are made on first start and
 * kept in {@value #PASSWORD_FILE} in the data directory, readable by its owner only (a {@code .pgpass} file, so
 * {@code PGPASSFILE=data/pgpass psql -h localhost -p PORT -U ruleone postgres} works). The application connects as
 * {@value #APPLICATION_ROLE}, which owns the database and everything in it but is no superuser. A data directory made
 * by an earlier version (trust on loopback) is upgraded in place on start. See ADR 0074.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    static final String PASSWORD_FILE = "pgpass";
    static final String APPLICATION_ROLE = "ruleone";
    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";
    private static final String HBA = """
            # Written by Rule One: no connection without the password (see the pgpass file).
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Passwords passwords;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, Passwords passwords) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.passwords = passwords;
    }

    static EmbeddedDatabase start(EmbeddedDatabaseProperties properties) throws IOException {
        Path dir = properties.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dir);
        stopOrphanedServer(dir);
        boolean fresh = properties.cleanOnStart() || !Files.exists(dir.resolve("postgresql.conf"));
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        Passwords passwords = !fresh && Files.exists(passwordFile) ? Passwords.read(passwordFile) : Passwords.make();
        Path initialPassword = null;
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
                .setServerConfig("listen_addresses", "localhost")
                .setConnectConfig("password", passwords.superuser());
        if (fresh) {
            // zonky runs initdb with "-A trust"; these later options win, so the server never trusts anyone.
            initialPassword = writeOwnerOnly(Files.createTempFile("rule-one-initdb", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    passwords.superuser());
            builder.setLocaleConfig("pwfile", initialPassword.toString())
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("auth-host", "scram-sha-256");
        }
        if (!properties.durable()) {
            // Only for throw-away test databases: trades crash safety for speed.
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            if (initialPassword != null) {
                Files.deleteIfExists(initialPassword);
            }
        }
        if (fresh || !Files.exists(passwordFile)) {
            writeOwnerOnly(passwordFile, passwords.asPgpass());
        }
        try {
            secure(postgres, dir, passwords);
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("Could not set up the embedded database's roles in " + dir + ": " + e.getMessage(), e);
        }
        log.info("Embedded PostgreSQL {} on port {} with data in {}", fresh ? "created" : "started",
                postgres.getPort(), dir);
        return new EmbeddedDatabase(postgres, dir, passwords);
    }

    /**
     * Idempotent, on every start: the application role exists, owns the database and everything in it (objects made
     * by older versions belonged to the superuser), may switch off row triggers for its imports (ADR 5), and the
     * server asks everyone for a password.
     */
    private static void secure(EmbeddedPostgres postgres, Path dir, Passwords passwords) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(url(postgres.getPort()), SUPERUSER, passwords.superuser());
             Statement s = c.createStatement()) {
            s.execute("alter role " + SUPERUSER + " password " + literal(passwords.superuser()));
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APPLICATION_ROLE
                    + "') then create role " + APPLICATION_ROLE + "; end if; end $$");
            s.execute("alter role " + APPLICATION_ROLE + " with login nosuperuser nocreaterole nocreatedb noreplication "
                    + "nobypassrls password " + literal(passwords.application()));
            s.execute("alter database " + DATABASE + " owner to " + APPLICATION_ROLE);
            s.execute("alter schema public owner to " + APPLICATION_ROLE);
            s.execute("grant set on parameter session_replication_role to " + APPLICATION_ROLE);
            s.execute(HAND_OVER_OBJECTS);
            Path hba = dir.resolve("pg_hba.conf");
            if (!Files.exists(hba) || Files.readAllLines(hba).stream().map(String::strip)
                    .anyMatch(line -> !line.isEmpty() && !line.startsWith("#") && !line.endsWith("scram-sha-256"))) {
                writeOwnerOnly(hba, HBA);
                s.execute("select pg_reload_conf()");
            }
        }
    }

    /** Tables, views, sequences, functions and types in public that a superuser owns (made by older versions). */
    private static final String HAND_OVER_OBJECTS = """
            do $$
            declare
                item record;
                app oid := '%1$s'::regrole;
            begin
                for item in
                    select format('alter %%s %%s owner to %1$s', case c.relkind when 'v' then 'view'
                        when 'm' then 'materialized view' when 'S' then 'sequence' when 'f' then 'foreign table'
                        else 'table' end, c.oid::regclass) as command
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relowner <> app and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                      and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                          and d.objid = c.oid and (d.deptype = 'e' or c.relkind = 'S' and d.deptype in ('a', 'i')))
                    union all
                    select format('alter %%s %%s owner to %1$s', case p.prokind when 'p' then 'procedure'
                        when 'a' then 'aggregate' else 'function' end, p.oid::regprocedure)
                    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                    where n.nspname = 'public' and p.proowner <> app
                      and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass
                          and d.objid = p.oid and d.deptype = 'e')
                    union all
                    select format('alter type %%s owner to %1$s', t.oid::regtype)
                    from pg_type t join pg_namespace n on n.oid = t.typnamespace
                    where n.nspname = 'public' and t.typowner <> app and t.typtype in ('e', 'd', 'r')
                      and not exists (select from pg_depend d where d.classid = 'pg_type'::regclass
                          and d.objid = t.oid and d.deptype = 'e')
                loop
                    execute item.command;
                end loop;
            end $$
            """.formatted(APPLICATION_ROLE);

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    private static String literal(String password) {
        return "'" + password + "'"; // base64url: no quote can appear
    }

    private static Path writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, content);
        return Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    String jdbcUrl() {
        return url(postgres.getPort());
    }

    /** Another database of this server (a backup's scratch restore, ADR 0121). */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** As the superuser, who alone may create and drop databases here. */
    Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(url(postgres.getPort()), SUPERUSER, passwords.superuser());
    }

    String username() {
        return APPLICATION_ROLE;
    }

    String password() {
        return passwords.application();
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

    /** The two passwords, in {@code .pgpass} form so that psql can use the file as it is. */
    record Passwords(String superuser, String application) {

        static Passwords make() {
            return new Passwords(random(), random());
        }

        static Passwords read(Path file) throws IOException {
            Properties byRole = new Properties();
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.split(":");
                if (fields.length == 5) {
                    byRole.setProperty(fields[3], fields[4]);
                }
            }
            String superuser = byRole.getProperty(SUPERUSER);
            String application = byRole.getProperty(APPLICATION_ROLE);
            if (superuser == null || application == null) {
                throw new IOException(file + " lacks the password of " + SUPERUSER + " or " + APPLICATION_ROLE);
            }
            return new Passwords(superuser, application);
        }

        String asPgpass() {
            return "*:*:*:" + SUPERUSER + ":" + superuser + "\n*:*:*:" + APPLICATION_ROLE + ":" + application + "\n";
        }

        private static String random() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        @Override
        public String toString() {
            return "Passwords[hidden]";
        }
    }
}
