package org.ruleone.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.AlterationStatus;
import org.ruleone.service.ResolutionDetails;
import org.ruleone.shared.Language;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The torn tuxedo: after 8 pm a singer tore his jacket before his show. The shop owner promises it for 21:30,
 * marks it ready, and the singer collects it; all on a phone. A first try without the sentence of judgment is
 * refused without losing the promised time.
 */
class TuxedoAlterationJourney extends ServiceJourney {

    @Test
    void tailorPromisesTheTuxedoForTonightThenMarksItReadyAndCollected() {
        long store = fixtures.store("Kraków", "PL", java.time.ZoneId.of("Europe/Warsaw"));
        SignedInAssociate tailor = fixtures.named("Tomasz Tailor", Role.MANAGER, store, Language.EN);
        Page phone = phone();
        signInAs(phone, tailor);

        openCasesFromMenu(phone);
        phone.locator("main a.button[href='/cases/new']").click();
        phone.locator("input[name=firstName]").fill("Sam");
        phone.locator("input[name=lastName]").fill("Singer");
        phone.locator("input[name=phone]").fill("+48 600 100 200");
        phone.locator("select[name=channel]").selectOption("PHONE");
        phone.locator("input[name=subject]").fill("Torn tuxedo before the show");
        phone.locator("main form button[type=submit]", new Page.LocatorOptions().setHasText("Open a case")).click();
        assertThat(phone.locator(".notice")).hasText("The case is open.");
        long caseId = caseIdFrom(phone);

        Locator alteration = resolveForm(phone, "ALTERATION");
        assertThat(alteration.locator("input[name=currency]")).hasValue("PLN");
        alteration.locator("input[name=promisedAt]").fill("2026-11-22T21:30");
        alteration.locator("input[name=cost]").fill("0");
        alteration.locator("button[type=submit]").click();

        alteration = phone.locator("details.resolve-kind[data-kind=ALTERATION]");
        assertThat(alteration).hasAttribute("open", "open");
        assertThat(alteration.locator(".field-error").last()).hasText("Write one sentence: why this helps the customer.");
        assertThat(alteration.locator("input[name=promisedAt]")).hasValue("2026-11-22T21:30");
        alteration.locator("textarea[name=judgment]").fill("He goes on stage on time and tells all his friends.");
        alteration.locator("button[type=submit]").click();

        assertThat(phone.locator("#case-status")).hasText("Resolved");
        assertThat(phone.locator("#resolutions")).containsText(java.util.regex.Pattern.compile("promised for Nov 22, 2026, 9:30\\sPM"));
        assertThat(phone.locator("#resolutions")).containsText("alteration ordered");
        phone.locator("#resolutions .case-resolution button", new Page.LocatorOptions().setHasText("Ready")).click();
        assertThat(phone.locator(".notice")).hasText("The alteration is ready.");
        assertThat(phone.locator("#resolutions")).containsText("ready for the customer");
        phone.locator("#resolutions .case-resolution button", new Page.LocatorOptions().setHasText("Collected")).click();
        assertThat(phone.locator(".notice")).hasText("The customer collected the alteration.");
        assertThat(phone.locator("#resolutions .case-resolution button")).hasCount(0);
        fitsThePhone(phone);
        screenshot(phone, "tuxedo-alteration-phone");

        assertThat(stored(caseId).resolutions()).singleElement().satisfies(r -> assertThat(r.resolution().details())
                .isEqualTo(new ResolutionDetails.Alteration(java.time.Instant.parse("2026-11-22T20:30:00Z"),
                        AlterationStatus.COLLECTED)));
        phone.context().close();
    }
}
