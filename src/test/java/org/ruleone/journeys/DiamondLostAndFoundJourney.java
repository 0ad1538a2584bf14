package org.ruleone.journeys;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseStatus;
import org.ruleone.service.ResolutionDetails;
import org.ruleone.service.ResolutionKind;
import org.ruleone.shared.Language;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diamond: a guard and two building workers find a diamond in the store's vacuum-cleaner bags and log it.
 * Later a customer's case about the diamond lost from her wedding ring shows it as a likely match; "This is it"
 * gives it back, tells her in French where to collect it, and resolves the case.
 */
class DiamondLostAndFoundJourney extends ServiceJourney {

    @Test
    void guardLogsTheDiamondAndAColleagueGivesItBackToItsOwner() {
        long store = fixtures.store("Paris Opéra", "FR", java.time.ZoneId.of("Europe/Paris"));
        SignedInAssociate guard = fixtures.named("Gaston Guard", Role.ASSOCIATE, store, Language.EN);
        SignedInAssociate associate = fixtures.named("Claire Conseil", Role.ASSOCIATE, store, Language.EN);
        fixtures.client(store, "Élise", "Marchand", Language.FR);
        fixtures.client(store, "Elias", "Marchetti", Language.EN);

        signInAs(page, guard);
        page.locator(".main-nav a[href='/cases']").click();
        page.locator("main a.button[href='/lost-and-found']").click();
        page.locator("input[name=what]").fill("Diamond");
        page.locator("textarea[name=description]").fill("Loose stone from a ring, found in the third vacuum-cleaner bag");
        page.locator("input[name=foundWhere]").fill("Under the racks by the fitting rooms");
        page.locator("input[name=foundBy]").fill("Gaston and two building workers");
        page.locator("main button[type=submit]", new Page.LocatorOptions().setHasText("Log it")).click();
        assertThat(page.locator(".notice")).hasText("Logged: Diamond.");
        assertThat(page.locator("table.found-list")).containsText("third vacuum-cleaner bag");
        page.context().clearCookies();

        Page phone = phone();
        signInAs(phone, associate);
        openCasesFromMenu(phone);
        phone.locator("main a.button[href='/cases/new']").click();
        phone.locator("input[name=clientQuery]").pressSequentially("Elise Marchand");
        phone.locator("#client-choices label", new Page.LocatorOptions().setHasText("Élise Marchand"))
                .locator("input").check();
        phone.locator("input[name=subject]").fill("Lost the diamond of her wedding ring");
        phone.locator("main form button[type=submit]", new Page.LocatorOptions().setHasText("Open a case")).click();
        assertThat(phone.locator(".notice")).hasText("The case is open.");
        long caseId = caseIdFrom(phone);

        phone.locator("#lost summary").click();
        phone.locator("#lost textarea[name=description]")
                .fill("The diamond from my wedding ring fell out while I was trying on clothes");
        phone.locator("#lost button", new Page.LocatorOptions().setHasText("Look for it")).click();
        assertThat(phone.locator(".case-matches li")).hasCount(1);
        assertThat(phone.locator(".case-matches")).containsText("third vacuum-cleaner bag");
        phone.locator(".case-matches button", new Page.LocatorOptions().setHasText("This is it")).click();

        assertThat(phone.locator(".notice")).containsText("Given back");
        assertThat(phone.locator("#case-status")).hasText("Resolved");
        assertThat(phone.locator("#conversation li.case-from-associate"))
                .containsText("Bonne nouvelle : nous avons retrouvé votre Diamond");
        assertThat(phone.locator("main")).containsText("Found item given back");
        fitsThePhone(phone);
        screenshot(phone, "diamond-lost-and-found-phone");

        var stored = stored(caseId);
        assertThat(stored.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(stored.language()).isEqualTo(Language.FR);
        assertThat(stored.resolutions()).singleElement().satisfies(r -> {
            assertThat(r.resolution().kind()).isEqualTo(ResolutionKind.LOST_AND_FOUND);
            assertThat(r.resolution().details()).isInstanceOfSatisfying(ResolutionDetails.FoundItem.class,
                    found -> assertThat(found.itemId()).isNotNull());
        });
        phone.navigate(url("/lost-and-found"));
        assertThat(phone.locator("main")).not().containsText("third vacuum-cleaner bag");
        phone.context().close();
    }
}
