package org.ruleone.journeys;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A French customer asks for her data on her phone, without an account: she switches the page to French, types her
 * address, follows the link the mail brings, and downloads one ZIP whose page she can read on the same phone
 * (issue 15, item 1).
 */
class CustomerDownloadsTheirDataOnAPhoneJourney extends ServiceJourney {

    @Autowired ClientBook book;
    @Autowired JdbcClient jdbc;

    @Test
    void customerAsksForHerDataInFrenchAndDownloadsItThroughTheMailedLink() throws Exception {
        long store = fixtures.store("Rivoli", "FR", java.time.ZoneId.of("Europe/Paris"));
        SignedInAssociate lea = fixtures.named("Léa Girard", Role.ASSOCIATE, store, Language.FR);
        String email = "helene-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        long client = book.add(new ClientDraft(store, null, "Hélène", "Marchand", email, null, PostalAddress.NONE,
                Language.FR, "", List.of(), List.of(), "Aime le lin", lea.id()));
        fixtures.openCase(lea, store, client, "Ourlet", "L'ourlet de mon pantalon est décousu");

        Page p = phone();
        p.navigate(url("/public/my-data"));
        p.locator(".language-picker button[value=fr]").click();
        assertThat(p.locator("h1")).hasText("Une copie de vos données");
        fitsThePhone(p);
        assertAccessible(p);

        p.getByLabel("Votre adresse e-mail").fill(email);
        p.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("M'envoyer le lien")).click();
        assertThat(p.locator("h1")).hasText("Consultez votre messagerie");
        assertAccessible(p);

        String mail = jdbc.sql("select text_body from mail_outbox where to_address = :to")
                .param("to", email).query(String.class).single();
        assertThat(mail).startsWith("Bonjour Hélène,");
        Matcher link = Pattern.compile("https?://[^/\\s]+(/public/my-data/\\S+)").matcher(mail);
        assertThat(link.find()).isTrue();

        p.navigate(url(link.group(1)));
        assertThat(p.locator("h1")).hasText("Vos données");
        fitsThePhone(p);
        assertAccessible(p);
        Download download = p.waitForDownload(() -> p.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Télécharger mes données")).click());
        Map<String, byte[]> files = unzip(Files.readAllBytes(download.path()));
        assertThat(files).containsKeys("data.json", "data.html", "data.pdf");

        String html = new String(files.get("data.html"), StandardCharsets.UTF_8);
        p.navigate("about:blank");
        p.setContent(html);
        assertThat(p.locator("h1")).hasText("Ce que nous conservons sur Hélène Marchand");
        assertThat(p.locator("#cases")).containsText("L'ourlet de mon pantalon est décousu");
        assertThat(p.locator("#details")).containsText("Léa");
        assertThat(p.locator("body")).not().containsText("Girard");
        assertThat(p.locator("#details")).not().containsText("Adresse (suite)");
        fitsThePhone(p);
        screenshot(p, "customer-data-export");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws java.io.IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
