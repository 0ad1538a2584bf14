package org.ruleone.catalog;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog module with only the modules it depends on. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(TestPeople.class)
class TransferRequestsModuleTests {

    @Autowired Catalog catalog;
    @Autowired TransferRequests requests;
    @Autowired ClientBook book;
    @Autowired TestPeople people;

    @Test
    void announcesAnItemAskedOfAnotherStoreWithWhatWhoAndForWhom(Scenario scenario) {
        long paris = people.store("Paris " + UUID.randomUUID());
        long lyon = people.store("Lyon " + UUID.randomUUID());
        SignedInAssociate associate = people.person(Role.ASSOCIATE, paris);
        String sku = "LOAF-" + UUID.randomUUID().toString().substring(0, 8);
        long product = catalog.save(new ProductDraft(sku, "Suede loafer", org.ruleone.shared.Money.of("245.00", "EUR"), lyon, 3,
                "Shoes", "12B"));
        long client = book.add(new ClientDraft(paris, null, "Hélène", "Faure", null, null, PostalAddress.NONE,
                Language.FR, "", List.of(), List.of(), "", associate.id()));

        scenario.stimulate(() -> requests.request(product, lyon, client, 1, "For Saturday", associate))
                .andWaitForEventOfType(ItemRequested.class)
                .matching(e -> e.customerId() == client)
                .toArriveAndVerify((e, request) -> {
                    assertThat(e.requestId()).isEqualTo(request.id());
                    assertThat(e.fromStoreId()).isEqualTo(lyon);
                    assertThat(e.toStoreId()).isEqualTo(paris);
                    assertThat(e.requestedBy()).isEqualTo(associate.id());
                    assertThat(e.sku()).isEqualTo(sku);
                    assertThat(e.productName()).isEqualTo("Suede loafer");
                    assertThat(e.quantity()).isEqualTo(1);
                });
    }
}
