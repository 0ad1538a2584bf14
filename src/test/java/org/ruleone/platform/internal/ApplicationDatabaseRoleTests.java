package org.ruleone.platform.internal;

import org.junit.jupiter.api.Test;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.OwnDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The running application reaches its embedded database as an owner, never as the superuser. */
@IntegrationTest
@OwnDatabase
class ApplicationDatabaseRoleTests {

    @Autowired JdbcClient jdbc;

    @Test
    void connectsAsTheOwnerRoleThatIsNoSuperuser() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("ruleone");
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single())
                .isFalse();
        assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner <> current_user")
                .query(Long.class).single()).as("tables the application does not own").isZero();
    }
}
