package org.ruleone.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.mailroom.MailroomTestSupport;
import org.ruleone.mailroom.internal.MailroomPoller;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The owner connects the store's mailbox on a laptop (testing the connection first), finds an unreadable mail in
 * the quarantine and looks at it; a customer writes through the store's contact form on a phone, in French.
 */
class OwnerConnectsStoreMailboxJourney extends BrowserJourney {

    @Autowired TestPeople people;
    @Autowired MailroomPoller poller;

    @Test
    void ownerConnectsTheMailboxSeesTheQuarantineAndACustomerWritesFromAPhone() throws Exception {
        var owner = people.owner();
        long store = owner.storeId() != null ? owner.storeId() : people.store("Flagship");
        String mailbox = MailroomTestSupport.newMailbox("journey");
        signIn(page, owner.email(), TestPeople.PASSWORD);

        page.navigate(url("/mailroom"));
        assertThat(page.locator("h1")).hasText("Mail");
        var card = page.locator("#store-" + store);
        card.locator("input[name=address]").fill(mailbox);
        card.locator("input[name=imapHost]").fill("127.0.0.1");
        card.locator("input[name=imapPort]").fill(String.valueOf(MailroomTestSupport.imapPort()));
        card.locator("input[name=imapTls]").uncheck();
        card.locator("input[name=imapUser]").fill(mailbox);
        card.locator("input[name=imapPassword]").fill(MailroomTestSupport.PASSWORD);
        card.getByText("Test connection").click();
        assertThat(page.locator("#store-" + store)).containsText("on a private or local network address");
        page.locator("#store-" + store + " input[name=ownNetwork]").check();
        page.locator("#store-" + store + " input[name=imapPassword]").fill(MailroomTestSupport.PASSWORD);
        page.locator("#store-" + store).getByText("Test connection").click();
        assertThat(page.locator("#store-" + store + " .notice")).containsText("Connected. 0 messages");
        page.locator("#store-" + store + " input[name=imapPassword]").fill(MailroomTestSupport.PASSWORD);
        page.locator("#store-" + store).getByText("Save").click();
        assertThat(page.locator(".notice").first()).containsText("saved");
        assertThat(page.locator("#store-" + store + " input[name=imapPassword]"))
                .hasAttribute("placeholder", "Saved (leave empty to keep it)");

        MailroomTestSupport.deliver("Subject: nobody signed this\r\nX-Note: <b>bold</b>\r\n\r\n<script>alert(1)</script>\r\n",
                mailbox);
        poller.pollStore(store);
        page.navigate(url("/mailroom"));
        assertThat(page.locator("#quarantine")).containsText("No sender address");
        screenshot(page, "mailroom-owner");
        page.locator("#quarantine").getByText("View").first().click();
        assertThat(page.locator("pre.mailroom-source")).containsText("<script>alert(1)</script>");
        page.getByText("Retry").click();
        assertThat(page.locator(".alert")).containsText("still cannot be read");

        var ownerPhone = newContext(390, 844);
        Page small = ownerPhone.newPage();
        signIn(small, owner.email(), TestPeople.PASSWORD);
        small.navigate(url("/mailroom"));
        assertThat(small.locator("#quarantine")).containsText("No sender address");
        screenshot(small, "mailroom-owner-phone");
        org.assertj.core.api.Assertions.assertThat(((Number) small.evaluate("document.documentElement.scrollWidth"))
                .intValue()).isLessThanOrEqualTo(390);
        ownerPhone.close();

        var phone = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale("fr-FR"));
        phone.setDefaultTimeout(20_000);
        Page customer = phone.newPage();
        customer.navigate(url("/contact/" + store));
        assertThat(customer.locator("h1")).containsText("Contacter");
        customer.getByLabel("Votre nom").fill("Camille Laurent");
        customer.getByLabel("Votre adresse e-mail").fill("camille@example.fr");
        customer.getByLabel("Votre message").fill("Bonjour, la retouche de mon manteau est-elle prête ?");
        screenshot(customer, "contact-form-phone-fr");
        assertAccessible(customer);
        customer.getByText("Envoyer").click();
        assertThat(customer.locator(".notice")).containsText("Merci");
        Object width = customer.evaluate("document.documentElement.scrollWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
        phone.close();
    }
}
