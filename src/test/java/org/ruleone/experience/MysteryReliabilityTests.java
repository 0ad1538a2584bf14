package org.ruleone.experience;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
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
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * A shopper's reliability on a clock the test moves (ADR 0100): on time by the first submission against the end of
 * the window's last day in the store's time zone (Warsaw), and reports accepted over reports decided.
 */
@IntegrationTest
@Import(StandardsTestSupport.class)
class MysteryReliabilityTests {

    static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired MysteryShoppers shoppers;
    @Autowired MysteryScheduling scheduling;
    @Autowired JdbcClient jdbc;

    long store;
    SignedInAssociate manager;
    long checklist;

    void storeAndChecklist() {
        people.owner();
        clock.set(MONDAY);
        store = StandardsTestSupport.storeClosedOnSunday(organization);
        manager = people.person(Role.MANAGER, store);
        checklist = MysterySchedulingData.checklist(jdbc, "Reliability", false);
    }

    long visit(long shopper, String from, String to) {
        return scheduling.schedule(new MysteryVisitDraft(store, "", "OWN_STORE", "", LocalDate.parse(from),
                LocalDate.parse(to), "Call the store.", checklist, shopper), Optional.of(store), manager.id());
    }

    /** What the public page and the review would write: a submission, a return, an acceptance, a cancellation. */
    void set(long visit, String status, String column, String at) {
        jdbc.sql("update mystery_visit set status = :status, " + column + " = :at where id = :id")
                .param("status", status).param("at", Timestamp.from(Instant.parse(at))).param("id", visit).update();
    }

    @Test
    void countsVisitsOnTimeByTheFirstSubmissionAndReportsAcceptedOverDecided() throws Exception {
        storeAndChecklist();
        long shopper = MysterySchedulingData.shopper(shoppers, store, "Rita Reliable", Language.EN, BigDecimal.TEN,
                manager.id());
        long onTime = visit(shopper, "2026-11-16", "2026-11-20");
        long late = visit(shopper, "2026-11-16", "2026-11-20");
        visit(shopper, "2026-11-16", "2026-11-18"); // never submitted: due, and late
        visit(shopper, "2026-11-16", "2026-12-31");
        long cancelled = visit(shopper, "2026-11-16", "2026-11-17");
        long returnedThenAccepted = visit(shopper, "2026-11-16", "2026-11-19");

        mvc.perform(get("/experience/mystery/shoppers/" + shopper).with(user(manager)))
                .andExpect(content().string(allOf(containsString("id=\"reliability-on-time\">— (n = 0)"),
                        containsString("id=\"reliability-accepted\">— (n = 0)"))));

        // 23:30 in Warsaw on the last day: on time; 00:30 the next day: late.
        set(onTime, "SUBMITTED", "submitted_at", "2026-11-20T22:30:00Z");
        set(onTime, "ACCEPTED", "accepted_at", "2026-11-21T09:00:00Z");
        set(late, "SUBMITTED", "submitted_at", "2026-11-20T23:30:00Z");
        set(late, "RETURNED", "returned_at", "2026-11-22T09:00:00Z");
        set(cancelled, "CANCELLED", "updated_at", "2026-11-16T10:00:00Z");
        set(returnedThenAccepted, "SUBMITTED", "submitted_at", "2026-11-19T10:00:00Z");
        set(returnedThenAccepted, "RETURNED", "returned_at", "2026-11-20T10:00:00Z");
        set(returnedThenAccepted, "SUBMITTED", "submitted_at", "2026-11-25T10:00:00Z");
        set(returnedThenAccepted, "ACCEPTED", "accepted_at", "2026-11-25T12:00:00Z");
        assertThat(jdbc.sql("select first_submitted_at from mystery_visit where id = :id")
                .param("id", returnedThenAccepted).query(Timestamp.class).single().toInstant())
                .as("the first submission is kept").isEqualTo(Instant.parse("2026-11-19T10:00:00Z"));

        clock.set(Instant.parse("2026-11-26T12:00:00Z"));
        MysteryReliability r = shoppers.reliability(shopper);
        assertThat(r).isEqualTo(new MysteryReliability(2, 4, 2, 3));
        assertThat(r.onTimePercent()).contains(new BigDecimal("50"));
        assertThat(r.acceptedPercent()).contains(new BigDecimal("67"));
        mvc.perform(get("/experience/mystery/shoppers/" + shopper).with(user(manager)))
                .andExpect(content().string(allOf(containsString("id=\"reliability-on-time\">50% (2 of 4)"),
                        containsString("id=\"reliability-accepted\">67% (2 of 3)"))));
    }

    @Test
    void countsAVisitNotSubmittedOnlyOnceItsLastDayHasEndedInTheStoresTimeZone() {
        storeAndChecklist();
        long shopper = MysterySchedulingData.shopper(shoppers, store, "Tom Tardy", Language.EN, BigDecimal.TEN,
                manager.id());
        visit(shopper, "2026-11-16", "2026-11-18");

        clock.set(Instant.parse("2026-11-18T22:59:00Z"));
        assertThat(shoppers.reliability(shopper).due()).as("23:59 on the last day in Warsaw").isZero();
        clock.set(Instant.parse("2026-11-18T23:00:00Z"));
        assertThat(shoppers.reliability(shopper)).as("midnight in Warsaw")
                .isEqualTo(new MysteryReliability(0, 1, 0, 0));
    }
}
