package org.ruleone.customers;

import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ruleone.journeys.BrowserJourney;
import org.ruleone.organization.SignedInAssociate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** On a phone, an associate types a misspelt name, sees the client appear as they type, and records consent. */
// Shares the journeys' application context (ADR 0090).
class AssociateFindsClientDespiteTyposJourney extends BrowserJourney {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort int port;
    @Autowired ClientBookFixtures fixtures;
    @Autowired Consents consents;

    @BeforeAll
    static void launchChromium() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("skipJourneys"),
                "browser journeys skipped with -DskipJourneys=true");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(org.ruleone.journeys.BrowserJourney.CHROMIUM)
                .setArgs(org.ruleone.journeys.BrowserJourney.FLAGS).setHeadless(true));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
            playwright.close();
        }
    }

    @Test
    void associateFindsJohnSmithByTypingJhonSmihtOnAPhone() {
        long store = fixtures.store();
        SignedInAssociate associate = fixtures.associate(store);
        long smith = fixtures.client(store, "John", "Smith", "john.smith@example.com", "+44 20 7946 0000",
                associate.id());
        fixtures.client(store, "Joanna", "Smithers", null, null, null);

        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("en-GB"))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.fill("input[name=username]", associate.email());
            page.fill("input[name=password]", "correct horse battery staple");
            page.click("button[type=submit]");
            page.waitForURL("http://localhost:" + port + "/book");

            page.navigate("http://localhost:" + port + "/clients");
            page.locator("input[name=q]").pressSequentially("Jhon Smiht");

            var result = page.locator("#client-results a", new Page.LocatorOptions().setHasText("John Smith"));
            assertThat(result).isVisible();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/clients\\?q=Jhon(\\+|%20)Smiht$"));
            assertThat(page.locator("#client-results #client-results")).hasCount(0);

            result.click();
            assertThat(page.locator("h1")).hasText("John Smith");
            assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("the client page fits a phone's width").isEqualTo(true);

            page.locator("#consents form").first().locator("button").click();
            assertThat(page.locator("p.notice")).hasText("E-mail consent recorded.");
        }
        assertThat(consents.granted(smith, ConsentChannel.EMAIL)).isTrue();
    }
}
