package org.ruleone.purchases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.shared.Language;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The purchases module with only the modules it depends on. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(TestPeople.class)
class TillPurchasesModuleTests {

    @Autowired TillPurchases tills;
    @Autowired ClientBook book;
    @Autowired TestPeople people;

    @Test
    void announcesAKnownClientsFirstPurchaseWithItsStoreAndTime(Scenario scenario) {
        long store = people.store("Store " + UUID.randomUUID());
        String number = "M" + UUID.randomUUID();
        long client = book.add(new ClientDraft(store, number, "Ada", "Lovelace", null, null, PostalAddress.NONE,
                Language.EN, "", List.of(), List.of(), "", null));
        Instant at = Instant.parse("2026-11-20T15:30:00Z");

        scenario.stimulate(() -> tills.record(new TillPurchase(store, "INV-" + UUID.randomUUID(), at, number, "GB",
                        List.of(new TillPurchase.Line("SKU-1", "Loafers", 1, new BigDecimal("245.00"))))))
                .andWaitForEventOfType(PurchasesRecorded.class)
                .matching(e -> e.storeId() == store)
                .toArriveAndVerify(e -> {
                    assertThat(e.importId()).as("from a till, not an import").isNull();
                    assertThat(e.clients()).singleElement().satisfies(c -> {
                        assertThat(c.customerId()).isEqualTo(client);
                        assertThat(c.firstAt()).isEqualTo(at);
                        assertThat(c.lastAt()).isEqualTo(at);
                        assertThat(c.firstEver()).isTrue();
                    });
                });
    }
}
