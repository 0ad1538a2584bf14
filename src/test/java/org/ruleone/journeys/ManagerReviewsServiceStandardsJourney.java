package org.ruleone.journeys;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.service.Resolution;
import org.ruleone.service.ResolutionKind;
import org.ruleone.support.MutableClock;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.standards.internal.DueTimeKeeper;
import org.ruleone.support.TestPeople;
import org.ruleone.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ruleone.standards.StandardsTestSupport.WARSAW;

/**
 * A store manager, on a phone and then on a laptop, opens the service figures: sees the e-mail opened on Saturday
 * evening at risk on Monday morning, fixes a mistyped standard without losing what she typed, and looks at the
 * standards met, the spend ledger with its chart and the too-little review.
 */
@DirtiesContext
@Import(StandardsTestSupport.class)
class ManagerReviewsServiceStandardsJourney extends BrowserJourney {

    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired ClientBook book;
    @Autowired CaseDesk desk;
    @Autowired MutableClock clock;
    @Autowired DueTimeKeeper keeper;
    @Autowired TransactionTemplate transaction;

    /** Elements sticking out past the right edge of the screen, as "tag.class (right edge)". */
    static String tooWide(Page p) {
        p.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        return (String) p.evaluate("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .map(e => e.tagName + '.' + e.className + ' (' + Math.round(e.getBoundingClientRect().right) + ')')
                    .join(', ')
                """);
    }

    @Test
    void managerSeesAtRiskCasesSetsStandardsAndReadsTheLedgerOnPhoneAndLaptop() {
        people.owner();
        long store = StandardsTestSupport.storeClosedOnSunday(organization);
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        long hanna = StandardsTestSupport.client(book, store, "Hanna", "Kowalska");
        clock.set(LocalDateTime.parse("2026-11-21T17:30").atZone(WARSAW).toInstant());
        long saturday = desk.open(new CaseDraft(store, hanna, manager.id(), Channel.EMAIL, "Broken zip", null,
                "The zip broke."), Optional.of(store));
        long tires = desk.open(new CaseDraft(store, hanna, manager.id(), Channel.IN_STORE, "Snow tires", null,
                "Refund please."), Optional.of(store));
        clock.set(LocalDateTime.parse("2026-11-21T17:35").atZone(WARSAW).toInstant());
        desk.resolve(tires, Optional.of(store), manager.id(), Resolution.refund(Money.of(new BigDecimal("145"), "PLN"), true),
                "He leaves happy.");
        long size = desk.open(new CaseDraft(store, hanna, manager.id(), Channel.IN_STORE, "Wrong size", null,
                "Too small."), Optional.of(store));
        desk.resolve(size, Optional.of(store), manager.id(), Resolution.of(ResolutionKind.EXCHANGE, Money.of(BigDecimal.ZERO, "PLN")), "Swapped for the right size.");
        clock.set(LocalDateTime.parse("2026-11-23T13:15").atZone(WARSAW).toInstant());
        transaction.executeWithoutResult(s -> keeper.check());

        BrowserContext phone = newContext(390, 844);
        Page p = phone.newPage();
        signIn(p, manager.email(), TestPeople.PASSWORD);
        p.navigate(url("/service/reports"));
        assertThat(p.locator("h1")).hasText("Service figures");
        p.getByText("At risk and breached").first().click();
        assertThat(p.locator("#atRisk")).containsText("Hanna Kowalska");
        assertThat(p.locator("#atRisk a[href='/cases/" + saturday + "']")).isVisible();
        assertThat(tooWide(p)).as("nothing wider than the phone").isEmpty();
        screenshot(p, "standards-due-phone");

        p.navigate(url("/service/reports/standards"));
        p.locator("input[name='first.EMAIL']").fill("two");
        p.locator("button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
        assertThat(p.locator(".alert")).containsText("nothing was saved");
        assertThat(p.locator("input[name='first.EMAIL']")).hasValue("two");
        assertThat(tooWide(p)).as("nothing wider than the phone").isEmpty();
        screenshot(p, "standards-settings-phone");
        p.locator("input[name='first.EMAIL']").fill("90");
        p.locator("select[name='firstUnit.EMAIL']").selectOption("MINUTES");
        p.locator("button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
        assertThat(p.locator(".notice")).containsText("saved");
        assertThat(p.locator("input[name='first.EMAIL']")).hasValue("90");

        p.navigate(url("/service/reports/figures"));
        assertThat(p.locator("canvas[data-drawn=true]")).hasCount(1);
        screenshot(p, "standards-figures-phone");
        p.navigate(url("/service/reports/ledger"));
        assertThat(p.locator("main table")).containsText(java.util.regex.Pattern.compile("PLN\\s145\\.00"));
        assertThat(p.locator("canvas[data-drawn=true]")).hasCount(1);
        assertThat(tooWide(p)).as("nothing wider than the phone").isEmpty();
        screenshot(p, "ledger-phone");
        phone.close();

        signIn(page, manager.email(), TestPeople.PASSWORD);
        page.navigate(url("/service/reports/figures"));
        assertThat(page.locator("canvas[data-drawn=true]")).hasCount(1);
        assertThat(page.locator("table.figures")).containsText("Whole store");
        screenshot(page, "standards-figures-laptop");
        page.navigate(url("/service/reports/ledger"));
        assertThat(page.locator("a[download]")).hasAttribute("href", "/service/reports/ledger.csv?store=" + store + "&months=12");
        screenshot(page, "ledger-laptop");
        page.navigate(url("/service/reports/review"));
        assertThat(page.locator("h1")).hasText("Too little?");
        assertThat(page.locator(".review-case a[href='/cases/" + size + "']")).isVisible();
        assertThat(page.locator(".review-case")).containsText("Swapped for the right size.");
        screenshot(page, "review-laptop");
        page.locator(".language-picker button[value=fr]").click();
        assertThat(page.locator("h1")).hasText("Trop peu ?");
        assertThat(page.locator(".review-case")).containsText("Sans remède");
    }
}
