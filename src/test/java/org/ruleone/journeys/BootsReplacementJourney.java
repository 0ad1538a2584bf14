package org.ruleone.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseStatus;
import org.ruleone.service.Channel;
import org.ruleone.service.ResolutionDetails;
import org.ruleone.service.ResolutionKind;
import org.ruleone.shared.Language;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soaked boots: a client phones because the carrier left her $200 boots in the rain. Not the store's fault;
 * the associate apologises, ships a new pair now, and records the carrier and tracking number.
 */
class BootsReplacementJourney extends ServiceJourney {

    @Test
    void associateShipsNewBootsNowWhoeverWasAtFault() {
        long store = fixtures.store("Seattle", "US", java.time.ZoneId.of("America/Los_Angeles"));
        SignedInAssociate associate = fixtures.named("Bea Boots", Role.ASSOCIATE, store, Language.EN);
        fixtures.client(store, "Rita", "Rainwater", Language.EN);
        signInAs(page, associate);

        page.locator(".main-nav a[href='/clients']").click();
        // the home page has a client search of its own: type only once the clients page is there
        page.waitForURL(url("/clients"));
        page.locator("input[name=q]").pressSequentially("Rita Rainwater");
        page.locator("#client-results a", new Page.LocatorOptions().setHasText("Rita Rainwater")).first().click();
        page.locator("main a.button", new Page.LocatorOptions().setHasText("Open a case")).click();

        assertThat(page.locator("#client-choices input[name=customerId]:checked")).hasCount(1);
        assertThat(page.locator("#client-choices")).containsText("Rita Rainwater");
        page.locator("select[name=channel]").selectOption("PHONE");
        page.locator("input[name=subject]").fill("Boots left in the rain");
        page.locator("textarea[name=message]").fill("The carrier left my new boots on the porch in the rain.");
        page.locator("main form button[type=submit]", new Page.LocatorOptions().setHasText("Open a case")).click();
        assertThat(page.locator(".notice")).hasText("The case is open.");
        long caseId = caseIdFrom(page);

        page.locator("#conversation textarea[name=body]").first()
                .fill("I'm so sorry — I'm sending you a new pair now; will you be home in 45 minutes?");
        page.locator("#conversation button", new Page.LocatorOptions().setHasText("Send reply")).click();
        assertThat(page.locator("#conversation .notice")).hasText("Reply sent.");
        assertThat(page.locator("#conversation li.case-from-associate")).containsText("new pair now");

        Locator replacement = resolveForm(page, "REPLACEMENT_SHIPPED");
        replacement.locator("input[name=carrier]").fill("UPS");
        replacement.locator("input[name=tracking]").fill("1Z999AA10123456784");
        replacement.locator("input[name=cost]").fill("200");
        replacement.locator("textarea[name=judgment]").fill("She has dry boots tonight, whoever was at fault.");
        replacement.locator("button[type=submit]").click();

        assertThat(page.locator("#case-status")).hasText("Resolved");
        assertThat(page.locator("#resolutions")).containsText("shipped by UPS, tracking 1Z999AA10123456784");
        screenshot(page, "boots-replacement");

        var stored = stored(caseId);
        assertThat(stored.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(stored.channel()).isEqualTo(Channel.PHONE);
        assertThat(stored.firstResponseAt()).isNotNull();
        assertThat(stored.resolutions()).singleElement().satisfies(r -> {
            assertThat(r.resolution().kind()).isEqualTo(ResolutionKind.REPLACEMENT_SHIPPED);
            assertThat(r.resolution().cost().amount()).isEqualByComparingTo("200");
            assertThat(r.resolution().details())
                    .isEqualTo(new ResolutionDetails.Replacement("UPS", "1Z999AA10123456784"));
        });
    }
}
