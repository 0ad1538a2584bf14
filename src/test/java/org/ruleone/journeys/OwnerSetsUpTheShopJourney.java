package org.ruleone.journeys;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A store owner opens a fresh installation, creates their account, signs in, adds a store and an associate,
 * and sees the screens in French and Polish.
 */
@DirtiesContext
class OwnerSetsUpTheShopJourney extends BrowserJourney {

    @Test
    void ownerCreatesAccountStoreAndAssociateThenWorksInFrenchAndPolish() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/setup"));
        page.getByLabel("Name").first().fill("Elizabeth Nordstrom");
        page.getByLabel("E-mail").fill("owner@shop.example");
        page.locator("input[name=password]").fill("shoes for every customer");
        page.locator("input[name=passwordAgain]").fill("shoes for every customer");
        page.getByLabel("Store name").fill("Seattle Downtown");
        page.getByLabel("Time zone").selectOption("America/Los_Angeles");
        page.getByText("Create my account").click();

        assertThat(page.locator(".notice")).containsText("Rule One is set up");
        signIn(page, "owner@shop.example", "shoes for every customer");
        assertThat(page.locator("h1")).hasText("Hello, Elizabeth Nordstrom");

        page.navigate(url("/stores/new"));
        page.getByLabel("Name").fill("Portland Pioneer");
        page.getByLabel("Time zone").selectOption("America/Los_Angeles");
        page.locator("button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
        assertThat(page.locator(".notice")).containsText("Portland Pioneer");

        page.navigate(url("/associates/new"));
        page.getByLabel("Name").fill("Craig Tires");
        page.getByLabel("E-mail").fill("craig@shop.example");
        page.getByLabel("Store").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Portland Pioneer"));
        page.getByLabel("Hire date").fill("2026-11-01");
        page.locator("input[name=password]").fill("two weeks on the job");
        page.locator("button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
        assertThat(page.locator("table")).containsText("Craig Tires");
        assertThat(page.locator("table")).containsText("Portland Pioneer");

        page.locator(".language-picker button[value=fr]").click();
        assertThat(page.locator("h1")).hasText("Collaborateurs");
        page.navigate(url("/stores"));
        assertThat(page.locator("h1")).hasText("Magasins");
        page.locator(".language-picker button[value=pl]").click();
        assertThat(page.locator("h1")).hasText("Sklepy");
        screenshot(page, "stores-pl");

        // The choice follows the person to their next session.
        page.locator("form[action='/logout'] button").click();
        signIn(page, "owner@shop.example", "shoes for every customer");
        assertThat(page.locator(".brand")).isVisible();
        page.navigate(url("/stores"));
        assertThat(page.locator("h1")).hasText("Sklepy");
    }

    @Test
    void menuFoldsAwayOnAPhone() {
        var phone = newContext(390, 844).newPage();
        phone.navigate(url("/login"));
        assertThat(phone.locator(".language-picker")).isVisible();
        phone.context().close();
    }
}
