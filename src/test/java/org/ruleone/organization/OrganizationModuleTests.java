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
}
