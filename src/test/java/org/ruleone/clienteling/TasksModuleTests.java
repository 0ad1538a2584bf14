package org.ruleone.clienteling;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.shared.Language;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The clienteling module with only the modules it depends on. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(TestPeople.class)
class TasksModuleTests {

    @Autowired Tasks tasks;
    @Autowired TillPurchases tills;
    @Autowired ClientBook book;
    @Autowired TestPeople people;

    @Test
    void announcesAThankYouNoteWrittenWithWhoClosedItAndForWhichClient(Scenario scenario) {
        long store = people.store("Store " + UUID.randomUUID());
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);
        String number = "M" + UUID.randomUUID();
        long client = book.add(new ClientDraft(store, number, "Ada", "Lovelace", null, null, PostalAddress.NONE,
                Language.EN, "", List.of(), List.of(), "", associate.id()));
        tills.record(new TillPurchase(store, "INV-" + UUID.randomUUID(), Instant.now().minus(Duration.ofHours(1)),
                number, "GB", List.of(new TillPurchase.Line("SKU-1", "Loafers", 1, new BigDecimal("245.00")))));
        Task thanks = await().atMost(Duration.ofSeconds(10))
                .until(() -> tasks.openThankYous(Tasks.Who.only(store, associate.id())), list -> !list.isEmpty())
                .getFirst();

        scenario.stimulate(() -> tasks.close(thanks.id(), java.util.Optional.of(store), TaskStatus.DONE,
                        associate.id(), "Card posted"))
                .andWaitForEventOfType(TaskClosed.class)
                .matching(e -> e.taskId() == thanks.id())
                .toArriveAndVerify(e -> {
                    assertThat(e.storeId()).isEqualTo(store);
                    assertThat(e.customerId()).isEqualTo(client);
                    assertThat(e.kind()).isEqualTo(TaskKind.THANK_YOU);
                    assertThat(e.status()).isEqualTo(TaskStatus.DONE);
                    assertThat(e.closedBy()).isEqualTo(associate.id());
                    assertThat(e.itemRequestId()).isNull();
                });
    }
}
