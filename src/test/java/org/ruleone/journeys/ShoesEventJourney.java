package org.ruleone.journeys;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ruleone.campaigns.CampaignTestSupport;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.customers.PostalAddress;
import org.ruleone.mail.Outbox;
import org.ruleone.mailroom.MailroomTestSupport;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.ruleone.campaigns.CampaignTestSupport.mailTo;
import static org.ruleone.campaigns.CampaignTestSupport.parts;
import static org.ruleone.campaigns.CampaignTestSupport.text;

/**
 * A manager invites the clients who like shoes and agreed to e-mail to a shoe evening; each of them receives a
 * personal e-mail from their own associate, in their own language, with an .ics invitation; a French client opens
 * the unsubscribe link, confirms without signing in, and the next campaign leaves her out.
 */
class ShoesEventJourney extends BrowserJourney {

    /** The journeys' shared SMTP server: emptied first, so it holds only what this journey sends. */
    static final GreenMail greenMail = MailroomTestSupport.GREEN_MAIL;

    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired ClientBook book;
    @Autowired Consents consents;
    @Autowired Outbox outbox;

    @Test
    void clientsWhoLikeShoesHearFromTheirOwnAssociateAndOneUnsubscribes() throws Exception {
        outbox.sendDue();
        greenMail.purgeEmailFromAllMailboxes();
        long store = people.store("Warszawa Mokotów");
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        long anna = associate("Anna Kowalska", store);
        long pierre = associate("Pierre Martin", store);
        long emma = client(store, "Emma", "Stone", "emma@example.com", Language.EN, "shoes", anna, true);
        long claire = client(store, "Claire", "Dubois", "claire@example.fr", Language.FR, "shoes", pierre, true);
        long zofia = client(store, "Zofia", "Wiśniewska", "zofia@example.pl", Language.PL, "shoes", anna, true);
        client(store, "Nina", "Noconsent", "nina@example.com", Language.EN, "shoes", anna, false);
        client(store, "Hugo", "Handbags", "hugo@example.fr", Language.FR, "handbags", pierre, true);

        signIn(page, manager.email(), TestPeople.PASSWORD);
        createEvent(page, "Shoe evening");
        assertThat(page.locator("h1")).hasText("Shoe evening");
        assertThat(page.locator(".audience-count")).containsText("3 clients will receive it by e-mail");
        assertThat(page.locator(".audience-count")).containsText("1 never agreed to e-mails");
        page.getByText("Send to 3 clients").click();
        assertThat(page.locator(".notice")).containsText("3 personal e-mails are on their way.");

        outbox.sendDue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        org.assertj.core.api.Assertions.assertThat(CampaignTestSupport.addresses(received))
                .containsExactlyInAnyOrder("emma@example.com", "claire@example.fr", "zofia@example.pl");

        MimeMessage toEmma = mailTo(received, "emma@example.com");
        MimeMessage toClaire = mailTo(received, "claire@example.fr");
        MimeMessage toZofia = mailTo(received, "zofia@example.pl");
        org.assertj.core.api.Assertions.assertThat(from(toEmma)).isEqualTo(organization.associate(anna).orElseThrow().email());
        org.assertj.core.api.Assertions.assertThat(from(toClaire)).isEqualTo(organization.associate(pierre).orElseThrow().email());
        org.assertj.core.api.Assertions.assertThat(from(toZofia)).isEqualTo(organization.associate(anna).orElseThrow().email());
        org.assertj.core.api.Assertions.assertThat(toEmma.getSubject()).isEqualTo("Shoe evening");
        org.assertj.core.api.Assertions.assertThat(text(toEmma)).contains("Dear Emma,", "the new loafers", "Anna Kowalska");
        org.assertj.core.api.Assertions.assertThat(toClaire.getSubject()).isEqualTo("Soirée chaussures");
        org.assertj.core.api.Assertions.assertThat(text(toClaire)).contains("Bonjour Claire,", "nouveaux mocassins",
                "Pierre Martin", "Pour ne plus recevoir d’e-mails");
        org.assertj.core.api.Assertions.assertThat(toZofia.getSubject()).isEqualTo("Wieczór butów");
        org.assertj.core.api.Assertions.assertThat(text(toZofia)).contains("Dzień dobry, Zofia,", "nowe mokasyny",
                "Anna Kowalska", "Tak, przyjdę");
        for (MimeMessage m : received) {
            List<String> ics = parts(m, "text/calendar");
            org.assertj.core.api.Assertions.assertThat(ics).hasSize(1);
            org.assertj.core.api.Assertions.assertThat(ics.getFirst()).contains("METHOD:REQUEST", "DTSTART:20261203T173000Z");
        }

        // Claire opens the unsubscribe link on her phone: no sign-in, in French.
        Page claires = newContext(390, 844).newPage();
        claires.navigate(url(path(text(toClaire), "/public/unsubscribe/")));
        assertThat(claires.locator("main")).containsText("Soirée chaussures");
        screenshot(claires, "unsubscribe-fr-phone");
        assertAccessible(claires);
        claires.getByText("Oui, me désinscrire").click();
        assertThat(claires.locator(".notice")).containsText("vous ne recevrez plus ces e-mails");
        org.assertj.core.api.Assertions.assertThat(consents.granted(claire, ConsentChannel.EMAIL)).isFalse();
        org.assertj.core.api.Assertions.assertThat(consents.current(claire, ConsentChannel.EMAIL).orElseThrow().method())
                .isEqualTo(ConsentMethod.UNSUBSCRIBE);

        createEvent(page, "Second shoe evening");
        assertThat(page.locator(".audience-count")).containsText("2 clients will receive it by e-mail");
        assertThat(page.locator(".audience-count")).containsText("1 withdrew their consent");
        greenMail.purgeEmailFromAllMailboxes();
        page.getByText("Send to 2 clients").click();
        assertThat(page.locator(".notice")).containsText("2 personal e-mails are on their way.");
        outbox.sendDue();
        org.assertj.core.api.Assertions.assertThat(CampaignTestSupport.addresses(greenMail.getReceivedMessages()))
                .containsExactlyInAnyOrder("emma@example.com", "zofia@example.pl");
        org.assertj.core.api.Assertions.assertThat(emma + zofia).isPositive();
    }

    private void createEvent(Page page, String title) {
        page.navigate(url("/campaigns/new"));
        page.getByLabel("Kind").selectOption("EVENT");
        page.getByLabel("Starts").fill("2026-12-03T18:30");
        page.getByLabel("Ends").fill("2026-12-03T21:00");
        page.getByLabel("Place").fill("ul. Puławska 12, Warszawa");
        page.getByLabel("Title (English)").fill(title);
        page.getByLabel("Text (English)").fill("Come and try the new loafers with a glass of champagne.");
        page.getByLabel("Title (French)").fill("Soirée chaussures");
        page.getByLabel("Text (French)").fill("Venez essayer les nouveaux mocassins autour d’une coupe.");
        page.getByLabel("Title (Polish)").fill("Wieczór butów");
        page.getByLabel("Text (Polish)").fill("Zapraszamy, aby przymierzyć nowe mokasyny przy lampce szampana.");
        page.getByLabel("Preferences (any of)").fill("shoes");
        page.getByText("Save and review").click();
    }

    private long associate(String name, long store) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@shop.example";
        return organization.createAssociate(new AssociateDraft(name, email, Role.ASSOCIATE, store, null, Language.EN),
                TestPeople.PASSWORD);
    }

    private long client(long store, String first, String last, String email, Language language, String tag,
                        long associate, boolean consent) {
        long id = book.add(new ClientDraft(store, null, first, last, email, "", PostalAddress.NONE, language, "",
                List.of(tag), List.of(), "", associate));
        if (consent) {
            consents.record(id, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, associate);
        }
        return id;
    }

    private static String from(MimeMessage m) throws Exception {
        return ((InternetAddress) m.getFrom()[0]).getAddress();
    }

    private static String path(String text, String marker) {
        Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(marker) + "\\S+)").matcher(text);
        if (!m.find()) {
            throw new AssertionError("No link with " + marker + " in " + text);
        }
        return m.group(1);
    }
}
