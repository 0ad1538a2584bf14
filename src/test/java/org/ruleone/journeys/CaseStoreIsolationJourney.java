package org.ruleone.journeys;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An associate of store B who changes the address to a case of store A finds that it does not exist. */
class CaseStoreIsolationJourney extends ServiceJourney {

    @Test
    void associateOfAnotherStoreCannotOpenACaseByChangingTheUrl() {
        long storeA = fixtures.store("Store A", "US", java.time.ZoneId.of("America/New_York"));
        long storeB = fixtures.store("Store B", "US", java.time.ZoneId.of("America/New_York"));
        SignedInAssociate alice = fixtures.named("Alice Anders", Role.ASSOCIATE, storeA, Language.EN);
        SignedInAssociate bob = fixtures.named("Bob Berg", Role.ASSOCIATE, storeB, Language.EN);
        long client = fixtures.client(storeA, "Vera", "Private", Language.EN);
        long caseOfA = fixtures.openCase(alice, storeA, client, "Private matter of store A", "Only for store A");
        long fileOfA = desk.attach(caseOfA, "receipt.txt", "text/plain", "store A receipt".getBytes());

        Page phone = phone();
        signInAs(phone, bob);
        openCasesFromMenu(phone);
        phone.locator("select[name=mine]").selectOption("false");
        phone.locator("main form.case-filters button[type=submit]").click();
        assertThat(phone.locator("main")).not().containsText("Private matter of store A");

        phone.navigate(url("/cases/" + caseOfA));
        assertThat(phone.locator("h1")).hasText("This page does not exist");
        assertThat(phone.locator("main")).not().containsText("Private matter");
        assertThat(phone.locator("main")).not().containsText("Vera");
        fitsThePhone(phone);
        screenshot(phone, "case-of-another-store-phone");

        var download = phone.request().get(url("/cases/" + caseOfA + "/attachments/" + fileOfA));
        org.assertj.core.api.Assertions.assertThat(download.status()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(download.text()).doesNotContain("store A receipt");
        phone.context().close();

        signInAs(page, alice);
        page.navigate(url("/cases/" + caseOfA));
        assertThat(page.locator("h1")).containsText("Private matter of store A");
    }
}
