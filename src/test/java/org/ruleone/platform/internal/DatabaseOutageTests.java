package org.ruleone.platform.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.OwnDatabase;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The database goes away under a running application (the application's role may no longer log in and its
 * connections are cut, which the pool sees exactly as a stopped server), and comes back after each test.
 */
@IntegrationTest
@OwnDatabase
@AutoConfigureMockMvc
class DatabaseOutageTests {

    @Autowired MockMvc mvc;
    @Autowired EmbeddedDatabase database;
    @Autowired TestPeople people;
    @Autowired DataSource dataSource;

    SignedInAssociate owner;

    @BeforeEach
    void cutTheDatabaseOff() throws Exception {
        owner = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(people::owner, o -> true);
        asSuperuser("alter role ruleone nologin",
                "select pg_terminate_backend(pid) from pg_stat_activity where usename = 'ruleone'");
    }

    @AfterEach
    void bringItBack() throws Exception {
        asSuperuser("alter role ruleone login");
        // Connections cut while idle in the pool would fail the next test that borrows them.
        ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            try (Connection c = dataSource.getConnection()) {
                return c.isValid(1);
            }
        });
    }

    @Test
    void reportsHealthAndReadinessDownWithinSecondsButStaysLive() throws Exception {
        long started = System.nanoTime();
        mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds for both").isLessThan(10_000);
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    void answersApiCallsWithAProblemDetail503() throws Exception {
        mvc.perform(post("/api/purchases").header("Authorization", "Bearer r1_a-token-the-database-would-check")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
    }

    @Test
    void answersJsonClientsOfAScreenWithAProblemDetail503() throws Exception {
        mvc.perform(get("/clients").with(user(owner)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void showsBrowsersAPlainPageInTheirLanguage() throws Exception {
        mvc.perform(get("/clients").with(user(owner)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("The database cannot be reached")));
        mvc.perform(post("/login").with(csrf()).header("Accept-Language", "fr-FR,fr;q=0.9")
                        .accept(MediaType.TEXT_HTML).param("username", "owner@example.com").param("password", "x"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("La base de données est injoignable")));
    }

    private void asSuperuser(String... statements) throws Exception {
        String password = EmbeddedDatabase.Passwords.read(
                database.dataDirectory().resolve(EmbeddedDatabase.PASSWORD_FILE)).superuser();
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", password)) {
            for (String sql : statements) {
                c.createStatement().execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
