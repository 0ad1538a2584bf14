package org.ruleone.journeys;

import java.util.Optional;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A client asks to be erased: the manager, on a 390 px phone, opens the client, taps "Erase…", gives the reason,
 * reads what goes and what stays, confirms, and finds the proof of the erasure; the client's case is still there
 * under the pseudonym (issue 15, item 2; ADR 0117).
 */
class ManagerErasesAClientOnAPhoneJourney extends ServiceJourney {

    @Autowired ClientBook book;

    @Test
    void managerErasesAClientAfterAConfirmationAndTheCaseStaysUnderThePseudonym() {
        long store = fixtures.store();
        SignedInAssociate manager = fixtures.named("Marta Manager", Role.MANAGER, store, Language.EN);
        long client = fixtures.client(store, "Zuzanna", "Kowalczyk", Language.PL);
        long caseId = fixtures.openCase(manager, store, client, "Kowalczyk's boots", "My boots split, Zuzanna");

        Page phone = phone();
        signInAs(phone, manager);
        phone.navigate(url("/clients/" + client));
        phone.locator("#erase-client").click();
        assertThat(phone.locator("h1")).hasText("Erase Zuzanna Kowalczyk");
        phone.locator("#reason").fill("Asked by e-mail on 3 December");
        phone.locator("#erase-reason button[type=submit]").click();
        assertThat(phone.locator("#erase-confirm .alert")).hasText("Erasing Zuzanna Kowalczyk cannot be undone.");
        assertThat(phone.locator("#reason-given")).hasText("Asked by e-mail on 3 December");
        fitsThePhone(phone);
        phone.locator("#erase-now").click();

        assertThat(phone).hasURL(url("/privacy/erasures"));
        String pseudonym = book.client(client, Optional.empty()).orElseThrow().firstName();
        assertThat(phone.locator("#erased")).hasText("Erased: the client is now " + pseudonym + ".");
        assertThat(phone.locator("#erasures")).containsText("Asked by e-mail on 3 December");
        assertThat(phone.locator("#erasures")).not().containsText("Kowalczyk");
        fitsThePhone(phone);

        phone.navigate(url("/cases/" + caseId));
        assertThat(phone.locator("main")).containsText(pseudonym);
        assertThat(phone.locator("main")).not().containsText("Kowalczyk");
        assertThat(phone.locator("main")).not().containsText("My boots split");
    }
}
