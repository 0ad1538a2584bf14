package org.ruleone.organization;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The organization module with only the modules it depends on. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(TestPeople.class)
class OrganizationModuleTests {

    @Autowired Organization organization;
    @Autowired TestPeople people;

    @Test
    void announcesAnAssociateSwitchedOffWithTheirStore(Scenario scenario) {
        long store = people.store("Store " + UUID.randomUUID());
        SignedInAssociate leaving = people.person(Role.ASSOCIATE, store);

        scenario.stimulate(() -> organization.deactivate(leaving.id()))
                .andWaitForEventOfType(AssociateDeactivated.class)
                .matching(e -> e.associateId() == leaving.id())
                .toArriveAndVerify(e -> assertThat(e.storeId()).isEqualTo(store));
        assertThat(organization.associate(leaving.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void openingHoursAreTheStoresZoneWithItsDaysInOrderOrNoneForAStoreWithout() {
        java.time.ZoneId warsaw = java.time.ZoneId.of("Europe/Warsaw");
        long open = organization.createStore(new StoreDraft("Store " + UUID.randomUUID(), "", "PL", warsaw,
                org.ruleone.shared.Language.PL, java.util.List.of(
                        new BusinessHours(java.time.DayOfWeek.SATURDAY, java.time.LocalTime.of(10, 0),
                                java.time.LocalTime.of(14, 0)),
                        new BusinessHours(java.time.DayOfWeek.MONDAY, java.time.LocalTime.of(9, 0),
                                java.time.LocalTime.of(18, 0)))));
        long always = organization.createStore(new StoreDraft("Store " + UUID.randomUUID(), "", "FR",
                java.time.ZoneId.of("Europe/Paris"), org.ruleone.shared.Language.FR, java.util.List.of()));

        Organization.OpeningHours hours = organization.openingHours(open).orElseThrow();
        assertThat(hours.timeZone()).isEqualTo(warsaw);
        assertThat(hours.hours()).isEqualTo(organization.hours(open));
        assertThat(hours.hours()).extracting(BusinessHours::day)
                .containsExactly(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.SATURDAY);
        assertThat(organization.openingHours(always).orElseThrow().hours()).isEmpty();
        assertThat(organization.openingHours(always).orElseThrow().timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Paris"));
        assertThat(organization.openingHours(Long.MAX_VALUE)).isEmpty();
    }
}
