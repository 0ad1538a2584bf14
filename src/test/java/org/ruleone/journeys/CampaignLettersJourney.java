package org.ruleone.journeys;

import java.nio.file.Files;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.paper.PdfText;
import org.ruleone.shared.Language;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * On a phone, a manager writes an event (the audience form offers the client segments), sees how many clients get a
 * letter and how many are left out for want of postal consent or address, and downloads the letters.
 */
class CampaignLettersJourney extends BrowserJourney {

    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired ClientBook book;
    @Autowired Consents consents;

    @Test
    void aManagerDownloadsLettersForTheClientsWhoAgreedToPostOnAPhone() throws Exception {
        long store = people.store("Kraków Rynek");
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        long anna = organization.createAssociate(new AssociateDraft("Anna Kowalska", "anna.kowalska@shop.example",
                Role.ASSOCIATE, store, null, Language.PL), TestPeople.PASSWORD);
        long elise = book.add(new ClientDraft(store, null, "Élise", "Lefèvre", null, null,
                new PostalAddress("3 allée des Érables", "", "69003", "Lyon", "", "France"), Language.FR, "",
                List.of(), List.of(), "", anna));
        long paul = book.add(new ClientDraft(store, null, "Paul", "Postless", "paul@example.com", null,
                new PostalAddress("1 Baker Street", "", "NW1 6XE", "London", "", "United Kingdom"), Language.EN, "",
                List.of(), List.of(), "", anna));
        consents.record(elise, ConsentChannel.POST, true, ConsentMethod.IN_STORE, anna);
        consents.record(paul, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, anna);

        Page phone = newContext(390, 844).newPage();
        signIn(phone, manager.email(), TestPeople.PASSWORD);
        phone.navigate(url("/campaigns/new"));
        assertThat(phone.getByLabel("At risk")).isVisible();
        assertThat(phone.getByLabel("Champions")).isVisible();
        org.assertj.core.api.Assertions.assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(390);
        screenshot(phone, "campaign-form-segments-phone");
        phone.getByLabel("Kind").selectOption("EVENT");
        phone.getByLabel("Starts").fill("2026-12-03T18:30");
        phone.getByLabel("Place").fill("Rynek Główny 1, Kraków");
        phone.getByLabel("Title (English)").fill("Winter evening");
        phone.getByLabel("Title (French)").fill("Soirée d’hiver");
        phone.getByLabel("Text (French)").fill("Venez découvrir la collection d’hiver.");
        phone.getByText("Save and review").click();

        assertThat(phone.locator(".campaign-letters")).containsText("Letters to print, one page per client who agreed to post: 1");
        assertThat(phone.locator(".campaign-letters")).containsText("1 left out: no postal consent in force");
        assertThat(phone.locator(".campaign-letters")).containsText("0 left out: no postal address");
        org.assertj.core.api.Assertions.assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(390);
        screenshot(phone, "campaign-letters-phone");

        Download download = phone.waitForDownload(() -> phone.getByText("Download letters (PDF)").click());
        PdfText pdf = new PdfText(Files.readAllBytes(download.path()));
        org.assertj.core.api.Assertions.assertThat(pdf.pageSizes).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(pdf.all).contains("Élise Lefèvre", "Bonjour Élise,",
                "Soirée d’hiver", "Anna Kowalska").doesNotContain("Postless");
    }
}
