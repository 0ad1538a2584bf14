package org.ruleone.journeys;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An associate on a phone logs a call on a case from the case's page and sees it there and in the store's calls. */
class PhoneCallJourney extends ServiceJourney {

    @Test
    void associateLogsACallOnACaseFromAPhone() {
        long store = fixtures.store();
        SignedInAssociate ana = fixtures.person(Role.ASSOCIATE, store, Language.EN);
        long client = fixtures.client(store, "Ines", "Dąbrowska", Language.PL);
        long caseId = fixtures.openCase(ana, store, client, "Coat not delivered", "Where is my coat?");

        Page phone = phone();
        signInAs(phone, ana);
        phone.navigate(url("/cases/" + caseId));
        phone.getByText("Log a call on this case").click();
        assertThat(phone.locator("h1")).hasText("Log a call");
        fitsThePhone(phone);
        phone.getByLabel("Caller’s number").fill("+48 601 234 567");
        phone.getByLabel("Outcome").selectOption("ANSWERED");
        phone.getByLabel("Rings", new Page.GetByLabelOptions().setExact(true)).fill("3");
        phone.getByLabel("Seconds until answered").fill("11");
        phone.getByLabel("Duration (seconds)").fill("95");
        screenshot(phone, "call-form-phone");
        phone.getByText("Save the call").click();

        assertThat(phone).hasURL(url("/cases/" + caseId));
        assertThat(phone.locator("main")).containsText("Phone call");
        assertThat(phone.locator("main")).containsText("answered after 11 s");
        phone.navigate(url("/calls"));
        assertThat(phone.locator("table")).containsText("+48 601 234 567");
        fitsThePhone(phone);
        screenshot(phone, "calls-phone");
    }
}
