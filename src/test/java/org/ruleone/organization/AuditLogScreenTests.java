package org.ruleone.organization;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The sign-in audit log reads as the owner's store tells the time, in the owner's language. */
@IntegrationTest
@AutoConfigureMockMvc
class AuditLogScreenTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;

    @Test
    void showsSignInsInTheStoresZoneAndTheReadersLanguageWithoutMicroseconds() throws Exception {
        var owner = people.owner();
        jdbc.sql("insert into audit_event (occurred_at, kind, principal, remote_addr, details) "
                        + "values (:at, 'AUTHENTICATION_SUCCESS', 'audit-zone@example.com', '203.0.113.9', '{}'::jsonb)")
                .param("at", Timestamp.from(Instant.parse("2026-12-03T20:56:14.123456Z"))).update();

        String page = mvc.perform(get("/settings?lang=fr").with(user(owner)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("audit-zone@example.com")
                .contains("3 déc. 2026 12:56") // the owner's store is in Los Angeles
                .doesNotContain("20:56:14", "2026-12-03T");
    }
}
