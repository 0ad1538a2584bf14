package org.ruleone.experience;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.experience.internal.MysteryLinks;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scheduling's time rules on a clock the test moves: today and expiry in the store's time zone (Warsaw). */
@IntegrationTest
@Import(StandardsTestSupport.class)
class MysterySchedulingClockTests {

    @Autowired MutableClock clock;
    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired MysteryShoppers shoppers;
    @Autowired MysteryScheduling scheduling;
    @Autowired MysteryVisits visits;
    @Autowired MysteryLinks links;
    @Autowired JdbcClient jdbc;

    long store;
    SignedInAssociate manager;
    long checklist;
    long first;
    long second;

    @BeforeEach
    void storeShoppersAndChecklist() {
        people.owner();
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        store = StandardsTestSupport.storeClosedOnSunday(organization);
        manager = people.person(Role.MANAGER, store);
        checklist = MysterySchedulingData.checklist(jdbc, "Clock", false);
        first = MysterySchedulingData.shopper(shoppers, store, "First Shopper", Language.EN, BigDecimal.TEN,
                manager.id());
        second = MysterySchedulingData.shopper(shoppers, store, "Second Shopper", Language.PL, BigDecimal.ONE,
                manager.id());
    }

    MysteryVisitDraft draft(String from, String to) {
        return new MysteryVisitDraft(store, "", "OWN_STORE", "", LocalDate.parse(from), LocalDate.parse(to),
                "Call the store.", checklist, first);
    }

    @Test
    void refusesAWindowWhoseLastDayHasEndedInTheStoresTimeZone() {
        clock.set(Instant.parse("2026-11-16T22:59:00Z"));
        assertThat(scheduling.problems(draft("2026-11-16", "2026-11-16"), Optional.of(store))).isEmpty();
        clock.set(Instant.parse("2026-11-16T23:00:00Z"));
        assertThat(scheduling.problems(draft("2026-11-16", "2026-11-16"), Optional.of(store)))
                .containsEntry("windowTo", "experience.mystery.visit.error.past");
    }

    @Test
    void mailsTheLinkAgainUntilItExpiresAWeekAfterTheWindowAndNotAfter() {
        long id = scheduling.schedule(draft("2026-11-16", "2026-11-20"), Optional.of(store), manager.id());
        assertThat(visits.find(id).orElseThrow().expiresAt()).isEqualTo(Instant.parse("2026-11-27T23:00:00Z"));

        clock.set(Instant.parse("2026-11-27T22:59:00Z"));
        scheduling.resend(id, Optional.of(store), manager.id());
        assertThat(MysterySchedulingData.mails(jdbc, id)).hasSize(2);

        clock.set(Instant.parse("2026-11-27T23:00:00Z"));
        assertThatThrownBy(() -> scheduling.resend(id, Optional.of(store), manager.id()))
                .isInstanceOfSatisfying(MysteryRefused.class,
                        e -> assertThat(e.problems()).containsEntry("expired", "experience.mystery.visit.error.expired"));
        assertThat(MysterySchedulingData.mails(jdbc, id)).hasSize(2);
    }

    @Test
    void givesAReturnedVisitToAnotherShopperWhoseTokenAloneNamesTheVisitsShopper() {
        long id = scheduling.schedule(draft("2026-11-16", "2026-11-20"), Optional.of(store), manager.id());
        String oldToken = MysterySchedulingData.mails(jdbc, id).getFirst().token();
        assertThat(visits.move(id, MysteryVisitStatus.SCHEDULED, MysteryVisitStatus.SUBMITTED, clock.instant())).isTrue();
        assertThatThrownBy(() -> scheduling.reassign(id, second, Optional.of(store), manager.id()))
                .as("a submitted visit stays its shopper's").isInstanceOf(MysteryRefused.class);
        assertThat(visits.move(id, MysteryVisitStatus.SUBMITTED, MysteryVisitStatus.RETURNED, clock.instant())).isTrue();

        scheduling.reassign(id, second, Optional.of(store), manager.id());

        MysteryVisit visit = visits.find(id).orElseThrow();
        assertThat(visit.shopperId()).isEqualTo(second);
        assertThat(visit.status()).isEqualTo(MysteryVisitStatus.RETURNED);
        assertThat(links.holderOf(oldToken).orElseThrow().shopperId()).isNotEqualTo(visit.shopperId());
        String newToken = MysterySchedulingData.mails(jdbc, id).getLast().token();
        assertThat(links.holderOf(newToken).orElseThrow().shopperId()).isEqualTo(visit.shopperId());
        assertThat(MysterySchedulingData.mails(jdbc, id).getLast().text()).contains("Dzień dobry Second Shopper,");
    }

    @Test
    void recordsAVisitScheduledMonthsAgoWithoutMailingAnyone() {
        Instant july = Instant.parse("2026-07-01T08:00:00Z");
        long id = scheduling.recordScheduled(draft("2026-07-01", "2026-07-05"), Optional.empty(), manager.id(), july);

        MysteryVisit visit = visits.find(id).orElseThrow();
        assertThat(visit.scheduledAt()).isEqualTo(july);
        assertThat(visit.status()).isEqualTo(MysteryVisitStatus.SCHEDULED);
        assertThat(visit.expiresAt()).isEqualTo(Instant.parse("2026-07-12T22:00:00Z"));
        assertThat(MysterySchedulingData.mails(jdbc, id)).isEmpty();
        assertThatThrownBy(() -> scheduling.recordScheduled(draft("2026-06-01", "2026-06-05"), Optional.empty(),
                manager.id(), july)).isInstanceOf(MysteryRefused.class);
    }
}
