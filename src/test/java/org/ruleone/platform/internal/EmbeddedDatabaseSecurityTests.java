package org.ruleone.platform.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nobody on the machine gets into the embedded database without its password, and the application is no superuser. */
class EmbeddedDatabaseSecurityTests {

    @Test
    void refusesConnectionsWithoutThePassword(@TempDir Path dir) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(properties(dir))) {
            for (String user : new String[] {"postgres", "ruleone"}) {
                assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl() + "?user=" + user).close())
                        .as(user).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), user, "guess").close())
                        .as(user).isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            }
        }
    }

    @Test
    void connectsTheApplicationAsAnOwnerThatIsNoSuperuser(@TempDir Path dir) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(properties(dir));
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            assertThat(single(c, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
            assertThat(single(c, "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"))
                    .isEqualTo("ruleone");
            c.createStatement().execute("create extension if not exists pg_trgm");
            c.createStatement().execute("create table owned (id int)");
            // what the purchase import needs to skip row-by-row foreign-key checks (ADR 5)
            c.createStatement().execute("set session_replication_role = replica");
        }
    }

    @Test
    void keepsThePasswordsInAFileOnlyItsOwnerMayRead(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(properties(data))) {
            Path file = data.resolve("pgpass");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file)).contains("*:*:*:ruleone:" + db.password());
        }
        // the same passwords on the next start
        try (EmbeddedDatabase db = EmbeddedDatabase.start(properties(data));
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            assertThat(single(c, "select current_user")).isEqualTo("ruleone");
        }
    }

    @Test
    void upgradesADataDirectoryMadeWhenEveryoneWasTrusted(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        // How earlier versions made it: initdb with trust, everything owned by the superuser.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
             Connection c = old.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create extension pg_trgm");
            c.createStatement().execute("create table client_note (id bigserial primary key, note text)");
            c.createStatement().execute("create index on client_note using gin (note gin_trgm_ops)");
            c.createStatement().execute("create sequence note_number");
            c.createStatement().execute("create view client_notes as select note from client_note");
            c.createStatement().execute("create function shout(value text) returns text language sql as 'select upper(value)'");
            c.createStatement().execute("insert into client_note (note) values ('kept')");
        }

        try (EmbeddedDatabase db = EmbeddedDatabase.start(properties(data));
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            c.createStatement().execute("insert into client_note (note) values ('added')");
            c.createStatement().execute("alter table client_note add column at timestamptz");
            assertThat(single(c, "select string_agg(shout(note), ',' order by note) from client_notes")).isEqualTo("ADDED,KEPT");
            assertThat(single(c, "select nextval('note_number')::text")).isEqualTo("1");
            assertThat(single(c, "select count(*)::text from client_note where note % 'kept'")).isEqualTo("1");
            assertThat(single(c, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl() + "?user=postgres").close())
                    .isInstanceOf(SQLException.class);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("pgpass"))))
                    .isEqualTo("rw-------");
        }
    }

    private static EmbeddedDatabaseProperties properties(Path data) {
        return new EmbeddedDatabaseProperties(data, 0, false, false, 20, "32MB");
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
