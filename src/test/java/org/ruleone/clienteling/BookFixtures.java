package org.ruleone.clienteling;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ImportantDate;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreDraft;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.shared.Language;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stores, people, clients and purchases for the book tests, through the real APIs; every store gets a fresh name,
 * so tests sharing a database stay apart. Time stands still at {@link #NOW}.
 */
@TestConfiguration
public class BookFixtures {

    /** A Monday, 10:00 in Paris. */
    public static final Instant NOW = Instant.parse("2026-06-15T08:00:00Z");

    private final Organization organization;
    private final ClientBook book;
    private final TillPurchases tills;

    BookFixtures(Organization organization, ClientBook book, TillPurchases tills) {
        this.organization = organization;
        this.book = book;
        this.tills = tills;
    }

    @Bean
    @Primary
    static Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    public long store() {
        long id = organization.createStore(new StoreDraft("Store " + UUID.randomUUID(), "", "FR",
                ZoneId.of("Europe/Paris"), Language.FR, List.of()));
        if (!organization.hasOwner()) {
            person(Role.OWNER, id);
        }
        return id;
    }

    public SignedInAssociate person(Role role, Long storeId) {
        return person(role, storeId, Language.EN);
    }

    public SignedInAssociate person(Role role, Long storeId, Language language) {
        String email = UUID.randomUUID() + "@example.com";
        organization.createAssociate(new AssociateDraft("Person " + email.substring(0, 6), email, role, storeId,
                null, language), "correct horse battery staple");
        return organization.signInDetails(email).orElseThrow();
    }

    public SignedInAssociate signedIn(long associateId) {
        return organization.signInDetails(organization.associate(associateId).orElseThrow().email()).orElseThrow();
    }

    /** A client with a POS number (so purchases can name them), kept by the associate. */
    public long client(long storeId, String first, String last, Long associateId, List<String> tags,
                       ImportantDate... dates) {
        return book.add(new ClientDraft(storeId, "T" + UUID.randomUUID(), first, last, null, null, PostalAddress.NONE,
                Language.EN, "", tags, List.of(dates), "", associateId));
    }

    public String number(long clientId) {
        return book.client(clientId, java.util.Optional.empty()).orElseThrow().externalId();
    }

    /** A purchase of one line worth {@code amount}, {@code daysAgo} days before {@link #NOW}. */
    public void purchase(long storeId, long clientId, int daysAgo, String amount) {
        tills.record(new TillPurchase(storeId, "I" + UUID.randomUUID(), NOW.minus(Duration.ofDays(daysAgo)),
                number(clientId), "FR", List.of(new TillPurchase.Line("SKU", "Item", 1, new BigDecimal(amount)))));
    }

    /** A return of one line worth {@code amount}. */
    public void returned(long storeId, long clientId, int daysAgo, String amount) {
        tills.record(new TillPurchase(storeId, "C" + UUID.randomUUID(), NOW.minus(Duration.ofDays(daysAgo)),
                number(clientId), "FR", List.of(new TillPurchase.Line("SKU", "Item", -1, new BigDecimal(amount)))));
    }

    /** {@code visits} purchases sharing {@code total}, the latest {@code lastDaysAgo} and the first {@code firstDaysAgo}. */
    public void visits(long storeId, long clientId, int visits, String total, int firstDaysAgo, int lastDaysAgo) {
        BigDecimal each = new BigDecimal(total).divide(BigDecimal.valueOf(visits));
        for (int i = 0; i < visits; i++) {
            int daysAgo = visits == 1 ? lastDaysAgo : firstDaysAgo - (firstDaysAgo - lastDaysAgo) * i / (visits - 1);
            purchase(storeId, clientId, daysAgo, each.toPlainString());
        }
    }
}
