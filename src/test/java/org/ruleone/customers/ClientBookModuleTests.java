package org.ruleone.customers;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The customers module with only the modules it depends on. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(TestPeople.class)
class ClientBookModuleTests {

    @Autowired ClientBook book;
    @Autowired TestPeople people;

    @Test
    void announcesAClientAddedByHandWithTheirStoreAndAssociate(Scenario scenario) {
        long store = people.store("Store " + UUID.randomUUID());
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);

        scenario.stimulate(() -> book.add(new ClientDraft(store, null, "Ada", "Lovelace", "ada@example.com", null,
                        PostalAddress.NONE, Language.EN, "", List.of(), List.of(), "", associate.id())))
                .andWaitForEventOfType(ClientAdded.class)
                .matching(e -> e.storeId() == store)
                .toArriveAndVerify((e, client) -> {
                    assertThat(e.customerId()).isEqualTo(client);
                    assertThat(e.associateId()).isEqualTo(associate.id());
                });
    }
}
