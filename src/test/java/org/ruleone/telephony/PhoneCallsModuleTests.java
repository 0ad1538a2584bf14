package org.ruleone.telephony;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

/** The telephony module with only the modules it depends on. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(TestPeople.class)
class PhoneCallsModuleTests {

    @Autowired PhoneCalls calls;
    @Autowired ClientBook book;
    @Autowired TestPeople people;

    @Test
    void announcesAnAnsweredCallWithItsClientRingsAndAnswerTime(Scenario scenario) {
        long store = people.store("Store " + UUID.randomUUID());
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);
        long client = book.add(new ClientDraft(store, null, "Grace", "Hopper", null, null, PostalAddress.NONE,
                Language.EN, "", List.of(), List.of(), "", null));
        Instant ringing = Instant.parse("2026-11-20T10:15:00Z");

        scenario.stimulate(() -> calls.log(new CallDraft(store, client, "+48 22 123 45 67", associate.id(), ringing, 3,
                        12, CallOutcome.ANSWERED, 240, null, CallSource.MANUAL, associate.id()), Optional.of(store)))
                .andWaitForEventOfType(CallLogged.class)
                .matching(e -> e.storeId() == store)
                .toArriveAndVerify((e, logged) -> {
                    assertThat(e.callId()).isEqualTo(logged.callId());
                    assertThat(e.customerId()).isEqualTo(client);
                    assertThat(e.associateId()).isEqualTo(associate.id());
                    assertThat(e.ringingAt()).isEqualTo(ringing);
                    assertThat(e.rings()).isEqualTo(3);
                    assertThat(e.secondsToAnswer()).isEqualTo(12);
                    assertThat(e.outcome()).isEqualTo("ANSWERED");
                });
    }
}
