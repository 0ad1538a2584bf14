package org.ruleone.journeys;

import java.util.Optional;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.ServiceCase;
import org.ruleone.service.ServiceFixtures;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A service-desk journey: stores, people and clients made through the real APIs, then a person in Chromium. */
abstract class ServiceJourney extends BrowserJourney {

    @Autowired ServiceFixtures fixtures;
    @Autowired CaseDesk desk;

    Page phone() {
        return newContext(390, 844).newPage();
    }

    void signInAs(Page on, SignedInAssociate who) {
        signIn(on, who.email(), ServiceFixtures.PASSWORD);
        on.waitForURL(u -> u.equals(url("/")) || u.equals(url("/book")));  // an associate's home is their book
    }

    /** Goes to the case list the way a person does: through the menu, folded away behind "Menu" on a phone. */
    void openCasesFromMenu(Page on) {
        Locator toggle = on.locator("button.nav-toggle");
        if (toggle.isVisible()) {
            toggle.click();
        }
        on.locator(".main-nav a[href='/cases']").click();
        assertThat(on).hasURL(url("/cases"));
    }

    Locator resolveForm(Page on, String kind) {
        Locator details = on.locator("details.resolve-kind[data-kind=" + kind + "]");
        if (details.getAttribute("open") == null) {
            details.locator("summary").click();
        }
        return details;
    }

    long caseIdFrom(Page on) {
        String path = on.url().substring(url("/cases/").length());
        int end = path.indexOf('#') < 0 ? path.length() : path.indexOf('#');
        return Long.parseLong(path.substring(0, end));
    }

    ServiceCase stored(long caseId) {
        return desk.find(caseId, Optional.empty()).orElseThrow();
    }

    void fitsThePhone(Page on) {
        org.assertj.core.api.Assertions.assertThat(on.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page fits a phone's width").isEqualTo(true);
    }
}
