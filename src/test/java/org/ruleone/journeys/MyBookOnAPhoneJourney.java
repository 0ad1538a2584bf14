package org.ruleone.journeys;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.clienteling.SegmentRefresh;
import org.ruleone.clienteling.Segments;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.DateKind;
import org.ruleone.customers.ImportantDate;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.StoreDraft;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An associate opens Rule One on a phone (390 x 844): their home screen shows a client whose birthday is in three
 * days and a client who has not been back for over a year; they narrow the whole book to the lapsed clients.
 */
class MyBookOnAPhoneJourney extends BrowserJourney {

    private static final String PASSWORD = "a phone in every pocket";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired Organization organization;
    @Autowired ClientBook book;
    @Autowired TillPurchases tills;
    @Autowired Segments segments;
    @Autowired Clock clock;

    @Test
    void associateSeesABirthdayInThreeDaysAndALapsedClientThenFiltersBySegment() {
        if (!organization.hasOwner()) {
            organization.setUp("Olive Owner", "owner-" + UUID.randomUUID() + "@shop.example", PASSWORD,
                    new StoreDraft("Journey Flagship " + UUID.randomUUID(), "", "FR", PARIS, Language.EN, List.of()),
                    Language.EN);
        }
        long store = organization.createStore(new StoreDraft("Rue Cambon " + UUID.randomUUID(), "", "FR", PARIS,
                Language.FR, List.of()));
        String email = "amelie-" + UUID.randomUUID() + "@shop.example";
        long amelie = organization.createAssociate(new AssociateDraft("Amélie Vendeuse", email, Role.ASSOCIATE, store,
                null, Language.EN), PASSWORD);

        LocalDate today = LocalDate.ofInstant(clock.instant(), PARIS);
        long birthday = client(store, amelie, "Hélène", "Fauré",
                new ImportantDate(DateKind.BIRTHDAY, "", MonthDay.from(today.plusDays(3)), null));
        buy(store, birthday, 20, "180.00");
        long lapsed = client(store, amelie, "Wojciech", "Żółkiewski");
        buy(store, lapsed, 700, "90.00");
        buy(store, lapsed, 420, "240.00");
        long regular = client(store, amelie, "Chloé", "Dubois");
        buy(store, regular, 2, "75.00");
        segments.refresh(SegmentRefresh.Reason.ON_DEMAND);

        BrowserContext phone = newContext(390, 844);
        try {
            Page p = phone.newPage();
            signIn(p, email, PASSWORD);
            p.navigate(url("/book"));

            assertThat(p.locator("h1")).hasText("My book");
            assertThat(p.locator("#book-dates")).containsText("Hélène Fauré");
            assertThat(p.locator("#book-dates")).containsText("in 3 days");
            assertThat(p.locator("#book-drifting")).containsText("Wojciech Żółkiewski");
            assertThat(p.locator("#book-drifting")).containsText("Lapsed");
            assertThat(p.locator("#book-drifting")).not().containsText("Chloé");
            assertThat(p.locator("#book-results")).containsText("3 of 3 clients");
            assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
            screenshot(p, "book-phone");

            p.locator("form.book-filter select[name=segment]").selectOption("LAPSED");

            assertThat(p.locator("#book-results")).containsText("1 of 3 clients");
            assertThat(p.locator("#book-results")).containsText("Wojciech Żółkiewski");
            assertThat(p.locator("#book-results")).not().containsText("Chloé Dubois");
            assertThat(p.locator("#book-results")).not().containsText("Hélène Fauré");
            assertThat(p).hasURL(java.util.regex.Pattern.compile("segment=LAPSED"));
            assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
            screenshot(p, "book-phone-lapsed");
        } finally {
            phone.close();
        }

        // The same book on a laptop: sortable columns instead of cards.
        signIn(page, email, PASSWORD);
        page.navigate(url("/book?sort=spend&dir=desc"));
        assertThat(page.locator("table.book-table thead")).isVisible();
        assertThat(page.locator("table.book-table tbody tr").first()).containsText("Wojciech Żółkiewski");
        screenshot(page, "book-laptop");
    }

    private long client(long store, long associate, String first, String last, ImportantDate... dates) {
        return book.add(new ClientDraft(store, "J" + UUID.randomUUID(), first, last, null, null, PostalAddress.NONE,
                Language.FR, "", List.of(), List.of(dates), "", associate));
    }

    private void buy(long store, long client, int daysAgo, String amount) {
        String number = book.client(client, java.util.Optional.empty()).orElseThrow().externalId();
        tills.record(new TillPurchase(store, "J" + UUID.randomUUID(), clock.instant().minus(Duration.ofDays(daysAgo)),
                number, "FR", List.of(new TillPurchase.Line("SKU", "Item", 1, new BigDecimal(amount)))));
    }
}
