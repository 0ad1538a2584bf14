package org.ruleone.organization;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

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
    @Autowired Organization organization;

    @Test
    void showsSignInsInTheStoresZoneAndTheReadersLanguageWithoutMicroseconds() throws Exception {
        var owner = people.owner();
        Instant at = Instant.parse("2026-12-03T20:56:14.123456Z");
        jdbc.sql("insert into audit_event (occurred_at, kind, principal, remote_addr, details) "
                        + "values (:at, 'AUTHENTICATION_SUCCESS', 'audit-zone@example.com', '203.0.113.9', '{}'::jsonb)")
                .param("at", Timestamp.from(at)).update();

        String page = mvc.perform(get("/settings?lang=fr").with(user(owner)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        List<StoreSummary> stores = organization.stores();
        ZoneId ownersZone = stores.stream().filter(s -> owner.storeId() != null && s.id() == owner.storeId())
                .findFirst().orElse(stores.getFirst()).timeZone();
        String local = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.FRENCH).format(at.atZone(ownersZone));
        assertThat(local).startsWith("3 déc. 2026").doesNotContain(":14");
        assertThat(page).contains("audit-zone@example.com", local).doesNotContain("20:56:14", "2026-12-03T");
    }
}
