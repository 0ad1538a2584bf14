package org.ruleone.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The owner imports the product file (a bad line is reported with its number and reason); an associate in Paris
 * finds a loafer by a misspelt name on her phone, sees that Lyon has three in aisle 12B, asks Lyon to send one to
 * her client, and the request shows on the client's page; Lyon sees it coming in and marks it sent.
 */
class FindItAnywhereJourney extends BrowserJourney {

    @Autowired TestPeople people;
    @Autowired ClientBook book;

    @Test
    void associateFindsAnItemInAnotherStoreAndRequestsItForHerClient() throws Exception {
        people.owner();
        long paris = people.store("Paris Saint-Honoré");
        long lyon = people.store("Lyon Bellecour");
        SignedInAssociate amelieAssociate = people.person(Role.ASSOCIATE, paris);
        SignedInAssociate lyonAssociate = people.person(Role.ASSOCIATE, lyon);
        SignedInAssociate owner = people.person(Role.OWNER, paris); // the journeys share the installation's owners
        long client = book.add(new ClientDraft(paris, null, "Amélie", "Poulain", "amelie@example.fr", "",
                PostalAddress.NONE, Language.FR, "", List.of("shoes"), List.of(), "", amelieAssociate.id()));

        Path csv = Files.createTempFile("products", ".csv");
        Files.writeString(csv, """
                SKU,Name,Price,Currency,Store,Quantity,Department,Aisle
                MOC-38,Suede loafer cognac,189.00,EUR,Paris Saint-Honoré,0,Shoes,4
                MOC-38,Suede loafer cognac,189.00,EUR,Lyon Bellecour,3,Shoes,12B
                BAG-1,Bucket bag,lots,EUR,Paris Saint-Honoré,1,Leather goods,2
                """);
        signIn(page, owner.email(), TestPeople.PASSWORD);
        page.navigate(url("/products/import"));
        page.locator("input[type=file]").setInputFiles(csv);
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("select[name='col.AISLE']")).hasValue("7");
        page.locator("main button[type=submit]").click();
        assertThat(page.locator(".notice")).containsText("3 rows read, 2 imported, 1 rejected");
        assertThat(page.locator(".rejected-row")).containsText("4");
        assertThat(page.locator(".rejected-row")).containsText("Not a price, or a price that reads two ways (1.300: 1.3 or 1300?): lots");

        var phone = newContext(390, 844).newPage();
        signIn(phone, amelieAssociate.email(), TestPeople.PASSWORD);
        phone.navigate(url("/products"));
        phone.getByLabel("Product name or SKU").fill("sued lofer");
        phone.locator("main form button[type=submit]").click();
        assertThat(phone.locator(".product-hit")).containsText("Suede loafer cognac");
        assertThat(phone.locator(".product-hit")).containsText("Lyon Bellecour");
        assertThat(phone.locator(".product-hit")).containsText("3 in stock");
        assertThat(phone.locator(".product-hit")).containsText("Shoes, aisle 12B");
        screenshot(phone, "find-it-anywhere-phone");

        phone.locator(".product-hit h2 a").click();
        phone.getByText("Ask Lyon Bellecour to send it").click();
        phone.getByLabel("Find the client").fill("Amelie Poulain");
        phone.locator("form.client-pick button").click();
        assertThat(phone.locator("#send fieldset")).containsText("Amélie Poulain");
        phone.getByLabel("Note for the other store").fill("Size 38, gift wrap");
        phone.getByText("Send the request").click();

        assertThat(phone).hasURL(url("/clients/" + client));
        assertThat(phone.locator("main")).containsText("Suede loafer cognac");
        assertThat(phone.locator("main")).containsText("Lyon Bellecour");
        assertThat(phone.locator("main")).containsText("Requested");
        screenshot(phone, "client-page-item-requested");

        Page lyonPage = newContext(1280, 900).newPage();
        signIn(lyonPage, lyonAssociate.email(), TestPeople.PASSWORD);
        lyonPage.navigate(url("/products"));
        assertThat(lyonPage.locator("main")).containsText("Requests between stores (1 new)");
        lyonPage.navigate(url("/products/requests"));
        assertThat(lyonPage.locator(".request-list").first()).containsText("Size 38, gift wrap");
        lyonPage.getByText("Mark sent").click();
        assertThat(lyonPage.locator(".request-list").first()).containsText("Sent");

        phone.navigate(url("/clients/" + client));
        assertThat(phone.locator("main")).containsText("Sent");
    }
}
