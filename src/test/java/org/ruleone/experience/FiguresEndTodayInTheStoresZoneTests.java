package org.ruleone.experience;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreDraft;
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

/**
 * At 23:30 UTC it is already tomorrow in Warsaw: an answer given there a minute ago is counted by the pages that
 * default to "up to today", which means the store's today, and for the chain the latest store's today.
 */
@IntegrationTest
@Import(StandardsTestSupport.class)
class FiguresEndTodayInTheStoresZoneTests {

    static final Instant LATE_EVENING_UTC = Instant.parse("2026-12-03T23:30:00Z");

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    long warsaw;
    SignedInAssociate manager;

    @BeforeEach
    void aWarsawStoreJustAfterItsMidnight() {
        clock.set(LATE_EVENING_UTC);
        warsaw = people.store("Warsaw late " + UUID.randomUUID());
        manager = people.person(Role.MANAGER, warsaw);
    }

    @AfterEach
    void backToNow() {
        clock.set(Instant.now());
    }

    @Test
    void todayIsTheStoresOwnDateAndTheChainsLatest() {
        long seattle = organization.createStore(new StoreDraft("Seattle late " + UUID.randomUUID(), "", "US",
                ZoneId.of("America/Los_Angeles"), Language.EN, List.of()));

        assertThat(organization.today(Optional.of(warsaw))).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(organization.today(Optional.of(seattle))).isEqualTo(LocalDate.parse("2026-12-03"));
        assertThat(organization.today(Optional.empty())).isEqualTo(LocalDate.parse("2026-12-04"));
    }

    @Test
    void theStoresFiguresCountAnAnswerGivenAfterItsMidnight() throws Exception {
        jdbc.sql("""
                insert into survey_answer (store_id, associate_id, channel, come_back, satisfaction, comment,
                                           complete, started_at, answered_at)
                values (:store, :associate, 'IN_STORE', 10, 5, 'Merci, parfait après minuit.', true, :at, :at)""")
                .param("store", warsaw).param("associate", manager.id())
                .param("at", Timestamp.from(LATE_EVENING_UTC.minusSeconds(60))).update();

        String page = mvc.perform(get("/experience").param("store", "" + warsaw).with(user(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Merci, parfait après minuit.");
        assertThat(page).containsPattern("id=\"responses\"[^>]*>\\s*1\\s*<");
    }
}
