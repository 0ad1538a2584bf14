package org.ruleone.journeys;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.experience.web.MysteryRows;
import org.ruleone.organization.BusinessHours;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreDraft;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.Resolution;
import org.ruleone.service.ResolutionKind;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An owner with a store full of life goes through every main page on a phone (390 x 844) and on a laptop, with the
 * keyboard alone and with axe-core watching: nothing sticks out sideways, the menu opens from a real button, a skip
 * link leads to the content, focus is visible, live areas stay in place, and the header fits one line in every
 * language.
 */
class EveryPageAccessibleJourney extends BrowserJourney {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired Organization organization;
    @Autowired ServiceFixtures fixtures;
    @Autowired ClientBook book;
    @Autowired CaseDesk desk;
    @Autowired TillPurchases tills;
    @Autowired Clock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.ruleone.platform.internal.WebhookEndpoints webhooks;
    @Autowired org.ruleone.platform.internal.WebhookOutbox webhookOutbox;

    long store;
    SignedInAssociate owner;
    long client;
    long openCase;

    @BeforeEach
    void aStoreWithHoursClientsCasesAndSpend() {
        List<BusinessHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                hours.add(new BusinessHours(day, LocalTime.of(9, 30), LocalTime.of(19, 0)));
            }
        }
        store = organization.createStore(new StoreDraft("Boutique Rive Gauche " + UUID.randomUUID().toString().substring(0, 8),
                "12 rue du Bac, 75007 Paris", "FR", PARIS, Language.FR, hours));
        owner = fixtures.named("Olga Owner", Role.OWNER, store, Language.EN);
        String number = "J" + UUID.randomUUID();
        client = book.add(new ClientDraft(store, number, "Hélène", "Fauré-Dąbrowska", null, null, PostalAddress.NONE,
                Language.FR, "", List.of(), List.of(), "", owner.id()));
        tills.record(new TillPurchase(store, "J" + UUID.randomUUID(), clock.instant().minus(Duration.ofDays(30)),
                number, "FR", List.of(new TillPurchase.Line("SKU-1", "Escarpins vernis noirs", 1,
                new BigDecimal("245.00")))));
        long refunded = fixtures.openCase(owner, store, client, "Talon cassé après deux jours", "The heel broke.");
        desk.resolve(refunded, Optional.of(store), owner.id(), Resolution.refund(Money.of(new BigDecimal("1245.50"), "EUR"), false),
                "She keeps wearing our shoes.");
        for (ResolutionKind kind : List.of(ResolutionKind.EXCHANGE, ResolutionKind.GOODWILL,
                ResolutionKind.LIFETIME_GUARANTEE)) {
            long resolved = fixtures.openCase(owner, store, client, "Une autre histoire " + kind, "Another story.");
            desk.resolve(resolved, Optional.of(store), owner.id(), Resolution.of(kind, Money.of(new BigDecimal("1999.99"), "EUR")),
                    "She deserved it.");
        }
        openCase = fixtures.openCase(owner, store, client, "Retouche de l'ourlet du pantalon de costume",
                "Could the hem be taken up by two centimetres before Saturday?");
        // Survey answers over the last months, so /experience draws its chart, table, comments and follow-up.
        for (int i = 0; i < 12; i++) {
            jdbc.sql("""
                    insert into survey_answer (store_id, customer_id, associate_id, channel, come_back, satisfaction,
                                               comment, complete, started_at, answered_at, follow_up_case_id)
                    values (:store, :client, :associate, 'CASE_RESOLVED', :comeBack, :satisfaction, :comment, true,
                            :at, :at, :followUp)""")
                    .param("store", store).param("client", client).param("associate", owner.id())
                    .param("comeBack", i % 11).param("satisfaction", 1 + i % 5)
                    .param("comment", i % 3 == 0 ? "Très bon accueil, l’ourlet était parfait — merci beaucoup!" : null)
                    .param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(20L * i))))
                    .param("followUp", i == 2 ? openCase : null).update();
        }
    }

    /** Mystery visits of the last months, so /experience/mystery draws its chart and tables, and a hotel to compare. */
    private record Mystery(long hotel, long shopper, long checklist) {
    }

    private Mystery mysteryVisits() {
        MysteryRows rows = new MysteryRows(jdbc);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long checklist = rows.checklist("Visite en magasin " + run);
        long version = rows.version(checklist, 1);
        long section = rows.section(version, 1, "Welcome", "Accueil", "Powitanie");
        long greeted = rows.item(version, section, 1, "greeted-" + run, "YES_NO", "2", true, "Greeted on entry",
                "Salué à l’entrée dans les trente secondes, même quand la boutique est pleine", "Powitany przy wejściu");
        long rings = rows.item(version, section, 2, "rings-" + run, "NUMBER AT_MOST 2 rings", "1", false,
                "Phone answered by the second ring", "Décroché avant la deuxième sonnerie", "Telefon do drugiego dzwonka");
        long shopper = rows.shopper(store, "Agnieszka Wiśniewska-Dąbrowska");
        for (int i = 0; i < 4; i++) {
            long visit = rows.visit(store, i % 2 == 0 ? "Chaussures" : "Maroquinerie et accessoires", "OWN_STORE", "",
                    version, shopper, owner.id(), "ACCEPTED", clock.instant().minus(Duration.ofDays(35L * i)).toString(),
                    "2", "3", "66.67", i == 1, "");
            rows.answer(visit, greeted, i == 1 ? "0" : "1", "Accueillie avec un sourire mais sans un mot pendant deux minutes");
            rows.answer(visit, rings, i == 2 ? null : "3", "");
        }
        long hotel = rows.visit(store, "", "HOTEL", "Hôtel Lutetia Rive Gauche", version, shopper, owner.id(), "ACCEPTED",
                clock.instant().minus(Duration.ofDays(10)).toString(), "3", "3", "100.00", false,
                "Le concierge m’a accompagnée jusqu’à l’ascenseur et a retenu mon nom.");
        rows.answer(hotel, greeted, "1", "Le voiturier a ouvert la porte");
        return new Mystery(hotel, shopper, checklist);
    }

    /** An endpoint with a long address, subscribed to nothing, and a failed delivery with a long answer. */
    private long aWebhookWithAFailedDelivery() {
        long id;
        try {
            id = webhooks.register("http://localhost:9/hooks/" + "rule-one-events-".repeat(8), java.util.Set.of(),
                    "owner").id();
        } catch (org.ruleone.platform.internal.WebhookAddresses.Refused e) {
            throw new IllegalStateException(e);
        }
        long delivery = webhookOutbox.test(id);
        jdbc.sql("update webhook_delivery set status = 'FAILED', attempts = 10, last_status = 500, last_response = ?"
                + " where id = ?").params("{\"error\":\"" + "x".repeat(900) + "\"}", delivery).update();
        return id;
    }

    @Test
    void everyMainPageFitsAPhoneWithoutSidewaysScrollingAndPassesAxe() {
        Mystery mystery = mysteryVisits();
        long hotel = mystery.hotel();
        long shopper = mystery.shopper();
        long checklist = mystery.checklist();
        BrowserContext phone = newContext(390, 844);
        Page p = phone.newPage();
        signIn(p, owner.email(), ServiceFixtures.PASSWORD);
        p.waitForURL(url("/"));
        long webhook = aWebhookWithAFailedDelivery();
        List<String> pages = List.of("/", "/book", "/cases", "/cases/" + openCase, "/cases/new", "/clients",
                "/clients/" + client, "/tasks", "/paper", "/calls", "/calls/new", "/products", "/campaigns",
                "/campaigns/new", "/service/reports", "/service/reports/ledger", "/service/reports/review",
                "/service/reports/standards", "/purchases/imports", "/associates", "/associates/new", "/stores",
                "/stores/" + store, "/stores/new", "/settings", "/mailroom", "/lost-and-found", "/experience",
                "/experience/mystery?store=" + store, "/experience/mystery/compare?store=" + store,
                "/experience/mystery/visits", "/experience/mystery/visits/new", "/experience/mystery/visits/" + hotel,
                "/experience/mystery/shoppers", "/experience/mystery/shoppers/new",
                "/experience/mystery/shoppers/" + shopper, "/experience/mystery/checklists",
                "/experience/mystery/checklists/" + checklist, "/experience/mystery/checklists/new",
                "/experience/mystery/checklists/" + checklist + "/edit",
                "/heroics", "/heroics/new", "/legends", "/legends/1", "/legends/new", "/training",
                "/training/scenarios/new", "/training/sessions/new", "/people/tenure", "/people/" + owner.id(), "/rankings",
                "/rankings/weights", "/experience/proof", "/experience/proof?window=365", "/privacy/records",
                "/public/my-data", "/privacy/erasures",
                "/privacy/retention", "/privacy/clients/" + client + "/erase",
                "/settings/webhooks", "/settings/webhooks/" + webhook, "/settings/backups");
        Map<String, String> tooWide = new java.util.LinkedHashMap<>();
        for (String path : pages) {
            p.navigate(url(path));
            assertThat(p.locator("h1")).not().hasText("This page does not exist");
            String wide = ManagerReviewsServiceStandardsJourney.tooWide(p);
            int scrollWidth = (Integer) p.evaluate("document.documentElement.scrollWidth");
            int innerWidth = (Integer) p.evaluate("window.innerWidth");
            if (scrollWidth > innerWidth) {
                tooWide.put(path, scrollWidth + " px: " + wide);
                screenshot(p, "too-wide" + path.replace('/', '-'));
            }
            assertAccessible(p);
        }
        assertThat(tooWide).as("pages wider than a 390 px phone").isEmpty();
        p.navigate(url("/stores/" + store));
        assertThat(p.getByLabel("Tuesday, Opens at")).hasValue("09:30");
        phone.close();
    }

    @Test
    void phoneMenuOpensAndClosesWithTheKeyboardFromARealButton() {
        Page p = newContext(390, 844).newPage();
        signIn(p, owner.email(), ServiceFixtures.PASSWORD);
        p.waitForURL(url("/"));
        var toggle = p.locator("button.nav-toggle");
        var casesLink = p.locator(".main-nav a[href='/cases']");
        assertThat(toggle).isVisible();
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        assertThat(toggle).hasAttribute("aria-controls", "main-nav");
        assertThat(casesLink).isHidden();

        toggle.focus();
        p.keyboard().press("Enter");
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        assertThat(casesLink).isVisible();
        for (String path : List.of("/tasks", "/calls")) {
            assertThat(p.locator(".main-nav a[href='" + path + "']")).isVisible();
        }
        p.locator("details.nav-more > summary").click();
        assertThat(p.locator(".main-nav a[href='/lost-and-found']")).isVisible();
        assertThat(p.locator(".main-nav a[href='/paper']")).isVisible();
        screenshot(p, "menu-phone-open");
        assertAccessible(p);

        p.keyboard().press("Escape"); // folds "More"
        p.keyboard().press("Escape"); // folds the menu, focus back on its button
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        assertThat(casesLink).isHidden();
        assertThat(toggle).isFocused();

        toggle.focus();
        p.keyboard().press("Space");
        casesLink.focus();
        p.keyboard().press("Enter");
        assertThat(p).hasURL(url("/cases"));
        p.context().close();
    }

    @Test
    void laptopAt200PercentZoomGetsThePhoneMenuButton() {
        // 1366 x 768 at 200 %: the page sees 683 x 384 CSS pixels.
        Page p = newContext(683, 384).newPage();
        signIn(p, owner.email(), ServiceFixtures.PASSWORD);
        p.waitForURL(url("/"));
        var toggle = p.locator("button.nav-toggle");
        assertThat(toggle).isVisible();
        assertThat(p.locator(".main-nav a[href='/clients']")).isHidden();
        toggle.click();
        assertThat(p.locator(".main-nav a[href='/clients']")).isVisible();
        assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(683);
        p.context().close();
    }

    @Test
    void menuStaysReachableWithoutJavaScript() {
        BrowserContext noScript = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale("en-GB").setJavaScriptEnabled(false));
        Page p = noScript.newPage();
        signIn(p, owner.email(), ServiceFixtures.PASSWORD);
        p.waitForURL(url("/"));
        assertThat(p.locator("button.nav-toggle")).isHidden();
        assertThat(p.locator(".main-nav a[href='/cases']")).isVisible();
        p.locator(".main-nav a[href='/tasks']").click();
        assertThat(p).hasURL(url("/tasks"));
        noScript.close();
    }

    @Test
    void skipLinkComesFirstShowsOnFocusAndLeadsToTheContentWithAVisibleFocus() {
        signIn(page, owner.email(), ServiceFixtures.PASSWORD);
        page.waitForURL(url("/"));
        page.navigate(url("/tasks"));
        page.keyboard().press("Tab");
        var skip = page.locator("a.skip-link");
        assertThat(skip).isFocused();
        assertThat(skip).hasText("Skip to content");
        var box = skip.boundingBox();
        assertThat(box.y).as("the focused skip link is on screen").isGreaterThanOrEqualTo(0);
        assertThat(page.locator("main#main")).hasCount(1);
        String outline = (String) page.evaluate(
                "() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        assertThat(outline).as("our own focus style").isEqualTo("solid 3px");

        page.keyboard().press("Enter");
        assertThat(page).hasURL(url("/tasks#main"));
        page.keyboard().press("Tab");
        assertThat((Boolean) page.evaluate("() => document.getElementById('main').contains(document.activeElement)"))
                .as("the next Tab lands inside the content, past the menu").isTrue();

        page.navigate(url("/clients"));
        // Field borders stand out from the page: at least 3:1 against white.
        String border = (String) page.evaluate("() => getComputedStyle(document.querySelector('main input[name=q]')).borderTopColor");
        assertThat(contrastWithWhite(border)).as("contrast of %s against white", border).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void searchResultsAndTheConversationChangeInsideLiveAreasThatStayWhileFocusStaysPut() {
        signIn(page, owner.email(), ServiceFixtures.PASSWORD);
        page.waitForURL(url("/"));
        page.navigate(url("/clients"));
        page.evaluate("() => document.querySelector('[aria-live]#client-results').dataset.marked = 'yes'");
        page.locator("input[name=q]").pressSequentially("Faure");
        assertThat(page.locator("#client-results")).containsText("Fauré-Dąbrowska");
        // The live area itself stays, only its inside changes (a replaced live area is not announced).
        assertThat(page.locator("#client-results[aria-live=polite][data-marked=yes]")).hasCount(1);
        assertThat(page.locator("#client-results #client-results")).hasCount(0);
        assertThat(page.locator("input[name=q]")).isFocused();

        page.navigate(url("/cases/" + openCase));
        page.evaluate("() => document.querySelector('#conversation[aria-live]').dataset.marked = 'yes'");
        page.locator("#note-body").fill("Tailor can do it on Thursday.");
        page.locator("#note-add").click();
        assertThat(page.locator("#conversation")).containsText("Tailor can do it on Thursday.");
        assertThat(page.locator("#conversation[aria-live=polite][data-marked=yes]")).hasCount(1);
        assertThat(page.locator("#conversation #conversation")).hasCount(0);
        assertThat(page.locator("#note-add")).isFocused();
        assertAccessible(page);
    }

    @Test
    void refusedResolutionOnAPhoneBringsTheErrorIntoViewWithFocus() {
        Page p = newContext(390, 844).newPage();
        signIn(p, owner.email(), ServiceFixtures.PASSWORD);
        p.waitForURL(url("/"));
        p.navigate(url("/cases/" + openCase));
        var refund = p.locator("details.resolve-kind[data-kind=REFUND]");
        refund.locator("summary").click();
        refund.locator("input[name=cost]").fill("a lot");
        refund.locator("button[type=submit]").click();

        var summary = p.locator(".error-summary");
        assertThat(summary).isVisible();
        assertThat(summary).isFocused();
        assertThat(summary).hasAttribute("role", "alert");
        double top = summary.boundingBox().y;
        assertThat(top).as("the error is on screen, not below the fold").isBetween(0.0, 844.0);
        assertAccessible(p);
        p.context().close();
    }

    @Test
    void headerFitsOneLineOnALaptopInEveryLanguage() {
        BrowserContext laptop = newContext(1366, 768);
        Page p = laptop.newPage();
        signIn(p, owner.email(), ServiceFixtures.PASSWORD);
        p.waitForURL(url("/"));
        for (String language : List.of("en", "fr", "pl")) {
            p.navigate(url("/book"));
            if (!language.equals(p.locator("html").getAttribute("lang"))) {
                p.locator(".language-picker button[value=" + language + "]").click();
            }
            assertThat(p.locator("html")).hasAttribute("lang", language);
            p.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
            // Every item of the header on the same line: their vertical centres differ by less than half a line.
            @SuppressWarnings("unchecked")
            List<Number> centres = (List<Number>) p.evaluate("""
                    () => [...document.querySelectorAll('.top > *, .main-nav > *')]
                        .filter(e => e.offsetParent !== null && !e.classList.contains('main-nav'))
                        .map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; })
                    """);
            double spread = centres.stream().mapToDouble(Number::doubleValue).max().orElseThrow()
                    - centres.stream().mapToDouble(Number::doubleValue).min().orElseThrow();
            screenshot(p, "header-1366-" + language);
            assertThat(spread).as("header items on one line in %s", language).isLessThan(12.0);
            assertThat(p.locator(".main-nav a[href='/tasks']")).isVisible();
            assertThat(p.locator(".main-nav a[href='/calls']")).isVisible();
            assertAccessible(p);
        }
        p.locator(".language-picker button[value=en]").click();
        laptop.close();
    }

    @Test
    void refusedFormsAnnounceTheirErrorsAndTieEachToItsField() {
        signIn(page, owner.email(), ServiceFixtures.PASSWORD);
        page.waitForURL(url("/"));
        Map<String, String> forms = Map.of("/associates/new", "name", "/stores/new", "name", "/cases/new", "subject");
        for (var form : forms.entrySet()) {
            page.navigate(url(form.getKey()));
            page.locator("main form[method=post] button[type=submit]").last().click();
            assertFieldErrorAnnounced(page, form.getKey(), form.getValue());
        }
    }

    @Test
    void switchingLanguageKeepsWhatWasTypedButNotThePassword() {
        signIn(page, owner.email(), ServiceFixtures.PASSWORD);
        page.waitForURL(url("/"));
        page.navigate(url("/associates/new"));
        page.locator("main input[name=name]").fill("Zofia Nowak");
        page.locator("main input[name=email]").fill("zofia@example.pl");
        page.locator("main input[name=password]").fill("a secret typed here");
        page.locator("form.language-picker button[value=pl]").click();

        assertThat(page.locator("html")).hasAttribute("lang", "pl");
        assertThat(page.locator("main input[name=name]")).hasValue("Zofia Nowak");
        assertThat(page.locator("main input[name=email]")).hasValue("zofia@example.pl");
        assertThat(page.locator("main input[name=password]")).hasValue("");
        page.locator("form.language-picker button[value=en]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
    }

    /** After a refused submit: the summary is an alert with the focus, the field is invalid and described by its error. */
    static void assertFieldErrorAnnounced(Page page, String where, String fieldName) {
        var summary = page.locator(".error-summary");
        assertThat(summary).isVisible();
        assertThat(summary).hasAttribute("role", "alert");
        assertThat(summary).isFocused();
        var field = page.locator("main [name=" + fieldName + "]").first();
        assertThat(field).hasAttribute("aria-invalid", "true");
        String describedBy = field.getAttribute("aria-describedby");
        assertThat(describedBy).as("aria-describedby of %s on %s", fieldName, where).isNotBlank();
        var error = page.locator("#" + describedBy.split(" ")[describedBy.split(" ").length - 1]);
        assertThat(error).hasClass(java.util.regex.Pattern.compile("field-error"));
        assertThat(error).not().hasText("");
        assertThat((Boolean) error.evaluate("e => e.closest('label') === null"))
                .as("the error of %s on %s sits outside its label", fieldName, where).isTrue();
    }

    @Test
    void axeCheckFailsOnAPageWithAViolation() {
        page.navigate(url("/login"));
        assertAccessible(page);
        page.evaluate("() => document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/none.png' }))");
        assertThatThrownBy(() -> assertAccessible(page)).hasMessageContaining("image-alt");
    }

    private static double contrastWithWhite(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
        double l = 0.2126 * channel(parts[0]) + 0.7152 * channel(parts[1]) + 0.0722 * channel(parts[2]);
        return 1.05 / (l + 0.05);
    }

    private static double channel(String value) {
        double c = Integer.parseInt(value.trim()) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
