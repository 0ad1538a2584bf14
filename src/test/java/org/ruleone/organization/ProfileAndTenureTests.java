package org.ruleone.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.shared.Language;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The associate's profile with their tenure, and the owner's tenure figures (issue 13, item 4; ADR 0107). */
@IntegrationTest
@Import(StandardsTestSupport.class)
class ProfileAndTenureTests {

    static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    long store;

    @BeforeEach
    void store() {
        clock.set(NOW);
        store = people.store("Tenure " + UUID.randomUUID());
    }

    @AfterEach
    void resetClock() {
        clock.set(NOW);
    }

    @Test
    void theProfileShowsTheHireDateAndTenureOnTheClock() throws Exception {
        SignedInAssociate hired = hired("Hanna Hired", Role.ASSOCIATE, LocalDate.of(2023, 8, 10));
        SignedInAssociate colleague = people.person(Role.ASSOCIATE, store);

        String page = mvc.perform(get("/people/" + hired.id()).with(user(colleague)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        clock.set(Instant.parse("2027-08-10T09:00:00Z"));
        String ayearLater = mvc.perform(get("/people/" + hired.id()).with(user(colleague)))
                .andReturn().getResponse().getContentAsString();

        // 2023-08-10 to 2026-11-16: 3 years and 3 whole months; to 2027-08-10: 4 years exactly
        assertThat(page).contains("Hanna Hired").contains("3 years, 3 months");
        assertThat(ayearLater).contains("4 years, 0 months");
    }

    @Test
    void theProfileIsSeenByTheStoreManagersAndTheOwnerOnly() throws Exception {
        SignedInAssociate hired = hired("Private Person", Role.ASSOCIATE, LocalDate.of(2020, 1, 1));
        long otherStore = people.store("Tenure other " + UUID.randomUUID());

        mvc.perform(get("/people/" + hired.id()).with(user(people.person(Role.ASSOCIATE, otherStore))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/people/" + hired.id()).with(user(people.person(Role.MANAGER, otherStore))))
                .andExpect(status().isOk());
        mvc.perform(get("/people/" + hired.id()).with(user(people.owner()))).andExpect(status().isOk());
        mvc.perform(get("/people/" + hired.id()).with(user(hired))).andExpect(status().isOk());
    }

    @Test
    void tenureSpreadAndDeparturesEqualTheHandCount() throws Exception {
        // Active, in whole months on 2026-11-16: 4, 14, 26, 40, 70; one without a hire date.
        hired("A", Role.ASSOCIATE, LocalDate.of(2026, 7, 1));
        hired("B", Role.ASSOCIATE, LocalDate.of(2025, 9, 1));
        hired("C", Role.ASSOCIATE, LocalDate.of(2024, 9, 1));
        hired("D", Role.MANAGER, LocalDate.of(2023, 7, 1));
        hired("E", Role.ASSOCIATE, LocalDate.of(2021, 1, 1));
        hired("F", Role.ASSOCIATE, null);
        // Departures: two in 2025, one in 2026, one before the date was recorded.
        leaves(hired("G", Role.ASSOCIATE, LocalDate.of(2020, 1, 1)), Instant.parse("2025-03-01T10:00:00Z"));
        leaves(hired("H", Role.ASSOCIATE, LocalDate.of(2020, 1, 1)), Instant.parse("2025-12-31T22:00:00Z"));
        leaves(hired("I", Role.ASSOCIATE, LocalDate.of(2020, 1, 1)), Instant.parse("2026-02-01T10:00:00Z"));
        SignedInAssociate unknown = hired("J", Role.ASSOCIATE, LocalDate.of(2020, 1, 1));
        jdbc.sql("update associate set active = false where id = :id").param("id", unknown.id()).update();
        SignedInAssociate back = hired("K", Role.ASSOCIATE, LocalDate.of(2026, 10, 20));
        leaves(back, Instant.parse("2026-03-01T10:00:00Z"));
        organization.reactivate(back.id());

        String page = mvc.perform(get("/people/tenure").param("store", "" + store).with(user(people.owner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // Six active with a hire date: 0 (K came back), 4, 14, 26, 40, 70 → median (14 + 26) / 2 = 20 months;
        // over 1 year 4/6 = 67 %, over 3 years 2/6 = 33 %, over 5 years 1/6 = 17 %.
        assertThat(page).contains("<b id=\"tenure-counted\">6</b>");
        assertThat(page).contains("<b id=\"tenure-median\">1 year, 8 months</b>");
        assertThat(page).contains("<b id=\"tenure-over-1\">67 %</b>").contains("<b id=\"tenure-over-3\">33 %</b>")
                .contains("<b id=\"tenure-over-5\">17 %</b>");
        assertThat(page).contains("1 active associates have no hire date");
        assertThat(page).containsPattern("<td[^>]*>2025</td>\\s*<td[^>]*>2</td>")
                .containsPattern("<td[^>]*>2026</td>\\s*<td[^>]*>1</td>")
                .containsPattern("<td[^>]*>Date unknown</td>\\s*<td[^>]*>1</td>");
    }

    @Test
    void deactivatingRecordsTheDayAndReactivatingClearsIt() {
        SignedInAssociate person = hired("Leaver", Role.ASSOCIATE, LocalDate.of(2024, 1, 1));
        organization.deactivate(person.id());
        Instant recorded = deactivatedAt(person.id());
        organization.reactivate(person.id());

        assertThat(recorded).isEqualTo(NOW);
        assertThat(deactivatedAt(person.id())).isNull();
    }

    @Test
    void onlyTheOwnerSeesTheTenureFigures() throws Exception {
        mvc.perform(get("/people/tenure").with(user(people.person(Role.MANAGER, store))))
                .andExpect(status().isForbidden());
    }

    private SignedInAssociate hired(String name, Role role, LocalDate on) {
        String email = "tenure-" + UUID.randomUUID() + "@example.com";
        organization.createAssociate(new AssociateDraft(name, email, role, store, on, Language.EN),
                TestPeople.PASSWORD);
        return organization.signInDetails(email).orElseThrow();
    }

    private void leaves(SignedInAssociate person, Instant when) {
        clock.set(when);
        organization.deactivate(person.id());
        clock.set(NOW);
    }

    private Instant deactivatedAt(long id) {
        return jdbc.sql("select deactivated_at from associate where id = :id").param("id", id)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).list().get(0);
    }
}
