package org.ruleone.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.ruleone.support.TestPeople;
import org.ruleone.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The service module with only the modules it depends on, on its own embedded PostgreSQL. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(TestPeople.class)
class CaseDeskModuleTests {

    @Autowired CaseDesk desk;
    @Autowired ClientBook book;
    @Autowired TestPeople people;

    @Test
    void announcesARefundOfGoodsTheStoreNeverSold(Scenario scenario) {
        long store = people.store("Store " + UUID.randomUUID());
        SignedInAssociate newHire = people.person(Role.ASSOCIATE, store);
        long customer = book.add(new ClientDraft(store, null, "Hank", "Tires", null, null, PostalAddress.NONE,
                Language.EN, "", List.of(), List.of(), "", null));
        long id = desk.open(new CaseDraft(store, customer, newHire.id(), Channel.IN_STORE, "Snow tires", null,
                "Money back for these tires, please."), newHire.storeScope());

        scenario.stimulate(() -> desk.resolve(id, newHire.storeScope(), newHire.id(),
                        Resolution.refund(Money.of(new BigDecimal("145"), "USD"), true),
                        "He leaves happy and tells everyone the store takes care of people."))
                .andWaitForEventOfType(CaseResolved.class)
                .matching(e -> e.caseId() == id)
                .toArriveAndVerify(e -> {
                    assertThat(e.kind()).isEqualTo(ResolutionKind.REFUND);
                    assertThat(e.cost().amount()).isEqualByComparingTo("145");
                    assertThat(e.associateId()).isEqualTo(newHire.id());
                    assertThat(e.storeId()).isEqualTo(store);
                    assertThat(e.customerId()).isEqualTo(customer);
                });
    }
}
