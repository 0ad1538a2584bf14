package org.ruleone.mailroom.internal;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.shared.Language;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The mailroom module with only the modules it depends on. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(TestPeople.class)
class ContactFormsModuleTests {

    @Autowired ContactForms forms;
    @Autowired TestPeople people;

    @Test
    void announcesAContactFormWithTheCaseItOpenedAndWhoWrote(Scenario scenario) {
        long store = people.store("Store " + UUID.randomUUID());
        String email = "claire-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";

        scenario.stimulate(() -> forms.submit(new ContactForms.Submission(store, "Claire Dubois", email, "",
                        "Bonjour, mes bottes sont arrivées abîmées.", Language.FR, "203.0.113.7")))
                .andWaitForEventOfType(ContactForms.ContactReceived.class)
                .matching(e -> e.storeId() == store)
                .toArriveAndVerify((e, result) -> {
                    var opened = (ContactForms.Result.Opened) result;
                    assertThat(e.caseId()).isEqualTo(opened.caseId());
                    assertThat(e.clientId()).isEqualTo(opened.clientId());
                    assertThat(e.name()).isEqualTo("Claire Dubois");
                    assertThat(e.email()).isEqualTo(email);
                    assertThat(e.language()).isEqualTo(Language.FR);
                    assertThat(e.subject()).isNotBlank();
                });
    }
}
