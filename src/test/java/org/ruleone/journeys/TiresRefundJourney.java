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
 * The tires: a man walks in with snow tires the store never sold. An associate two weeks on the job opens a case
 * on her phone for him as a new client and refunds $145, with no approval.
 */
class TiresRefundJourney extends ServiceJourney {

    @Test
    void newHireRefundsTiresTheStoreNeverSoldOnHerPhone() {
        long store = fixtures.store("Fairbanks", "US", java.time.ZoneId.of("America/Anchorage"));
        SignedInAssociate newHire = fixtures.named("Nora Newhire", Role.ASSOCIATE, store, Language.EN);
        Page phone = phone();
        signInAs(phone, newHire);

        openCasesFromMenu(phone);
        phone.locator("main a.button[href='/cases/new']").click();
        phone.locator("input[name=clientQuery]").pressSequentially("Hank Tirewright");
        assertThat(phone.locator("#client-choices")).containsText("Nobody found");
        phone.locator("input[name=firstName]").fill("Hank");
        phone.locator("input[name=lastName]").fill("Tirewright");
        phone.locator("select[name=channel]").selectOption("IN_STORE");
        phone.locator("input[name=subject]").fill("Snow tires");
        phone.locator("textarea[name=message]").fill("These tires did not work out; I want my money back.");
        phone.locator("main form button[type=submit]", new Page.LocatorOptions().setHasText("Open a case")).click();

        assertThat(phone.locator(".notice")).hasText("The case is open.");
        assertThat(phone.locator("main")).containsText("Hank Tirewright");
        long caseId = caseIdFrom(phone);

        Locator refund = resolveForm(phone, "REFUND");
        screenshot(phone, "tires-case-before-refund-phone");
        assertThat(refund.locator("input[name=currency]")).hasValue("USD");
        refund.locator("input[name=cost]").fill("145");
        refund.locator("input[name=goodsNeverSold]").check();
        refund.locator("textarea[name=judgment]").fill("He leaves happy and tells everyone we take care of people.");
        refund.locator("button[type=submit]").click();

        assertThat(phone.locator(".notice")).containsText("Resolved");
        assertThat(phone.locator("#case-status")).hasText("Resolved");
        assertThat(phone.locator("#resolutions")).containsText("goods the store never sold");
        assertThat(phone.locator("#resolutions")).containsText("$145.00");
        fitsThePhone(phone);
        screenshot(phone, "tires-refund-phone");

        var stored = stored(caseId);
        assertThat(stored.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(stored.channel()).isEqualTo(Channel.IN_STORE);
        assertThat(stored.ownerId()).isEqualTo(newHire.id());
        assertThat(stored.resolutions()).singleElement().satisfies(r -> {
            assertThat(r.resolution().kind()).isEqualTo(ResolutionKind.REFUND);
            assertThat(r.resolution().cost().amount()).isEqualByComparingTo("145");
            assertThat(r.resolution().details()).isEqualTo(new ResolutionDetails.Refund(true));
            assertThat(r.associateId()).isEqualTo(newHire.id());
        });
        phone.context().close();
    }
}
