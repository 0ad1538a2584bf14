package org.ruleone.journeys;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ruleone.campaigns.CampaignTestSupport;
import org.ruleone.experience.MysteryChecklists;
import org.ruleone.experience.MysteryReward;
import org.ruleone.experience.MysteryShopperDraft;
import org.ruleone.experience.MysteryShopperKind;
import org.ruleone.experience.MysteryShoppers;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.Formats;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager schedules a mystery visit on her phone; the shopper, a friend of the store, opens the mailed link and
 * fills the default checklist in French with one item not applicable and a failed critical item (nobody greeted
 * her), with a photo of the receipt; the manager reads the score, which is the hand computation, sees the visit
 * flagged, accepts it and marks the 20-euro reward paid, which then shows in the ledger (issue 12).
 */
class MysteryShopperVisitJourney extends ServiceJourney {

    @Autowired MysteryShoppers shoppers;
    @Autowired MysteryChecklists checklists;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void aFriendShopsTheStoreInFrenchAndTheFlaggedScoreAndPaidRewardReachTheManagerAndTheLedger() throws Exception {
        String storeName = "Lyon Bellecour " + UUID.randomUUID().toString().substring(0, 6);
        ZoneId paris = ZoneId.of("Europe/Paris");
        long store = fixtures.store(storeName, "FR", paris);
        SignedInAssociate manager = fixtures.named("Hélène Marchand", Role.MANAGER, store, Language.EN);
        String email = "claire-" + UUID.randomUUID() + "@example.fr";
        long claire = shoppers.add(new MysteryShopperDraft(store, "Claire Fontaine", email, Language.FR,
                MysteryShopperKind.FRIEND, null, MysteryReward.money(new BigDecimal("20"), null)), Optional.of(store),
                manager.id());
        MysteryChecklists.Summary storeVisit = checklists.checklists().stream()
                .filter(c -> c.name().equals("Store visit")).findFirst().orElseThrow();

        // The manager schedules the visit on her phone, through the menu.
        Page managerPhone = phone();
        signInAs(managerPhone, manager);
        Locator toggle = managerPhone.locator("button.nav-toggle");
        if (toggle.isVisible()) {
            toggle.click();
        }
        managerPhone.locator(".main-nav details.nav-more summary").click();
        managerPhone.locator(".main-nav a[href='/experience/mystery']").click();
        managerPhone.locator("nav.mystery-nav a[href='/experience/mystery/visits']").click();
        managerPhone.navigate(url("/experience/mystery/visits/new"));
        LocalDate today = ZonedDateTime.now(clock).withZoneSameInstant(paris).toLocalDate();
        managerPhone.getByLabel("Department (optional)").fill("Chaussures");
        managerPhone.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill(today.minusDays(2).toString());
        managerPhone.getByLabel("Until", new Page.GetByLabelOptions().setExact(true)).fill(today.plusDays(5).toString());
        managerPhone.getByLabel("What the shopper should do").fill(
                "Demandez une pointure qui n’est pas en rayon, puis achetez une paire de lacets.");
        managerPhone.getByLabel("Checklist").selectOption(new SelectOption().setValue(
                String.valueOf(storeVisit.versionId())));
        managerPhone.locator("select[name=shopperId]").selectOption(new SelectOption().setLabel("Claire Fontaine"));
        fitsThePhone(managerPhone);
        assertAccessible(managerPhone);
        managerPhone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule and mail the shopper"))
                .click();
        assertThat(managerPhone).hasURL(Pattern.compile(".*/experience/mystery/visits.*"));
        long visit = jdbc.sql("select id from mystery_visit where shopper_id = :s").param("s", claire)
                .query(Long.class).single();

        // Claire gets her personal link by mail, in French, and fills the checklist on her phone.
        MimeMessage mail = receivedBy(email);
        Matcher link = Pattern.compile("/mystery/[A-Za-z0-9_-]{43}").matcher(CampaignTestSupport.text(mail));
        assertThat(link.find()).as("a personal link in the mail").isTrue();
        Page shopper = phone();
        shopper.navigate(url(link.group()));
        assertThat(shopper.locator("html")).hasAttribute("lang", "fr");
        assertThat(shopper.locator("h1")).hasText("Votre visite mystère");
        fitsThePhone(shopper);
        assertAccessible(shopper);

        yesNo(shopper, storeVisit, "greeted-on-entry", "Non", "Personne ne m’a dit bonjour pendant deux minutes.");
        number(shopper, storeVisit, "seconds-before-someone-came", "45");
        yesNo(shopper, storeVisit, "acknowledged-in-department", "Sans objet", "");
        yesNo(shopper, storeVisit, "walked-to-the-item", "Oui", "");
        yesNo(shopper, storeVisit, "offered-to-check-stock", "Oui", "");
        yesNo(shopper, storeVisit, "calm-and-unhurried", "4", "");
        yesNo(shopper, storeVisit, "payment-where-you-stood", "Non", "");
        yesNo(shopper, storeVisit, "bag-handed-over", "Oui", "");
        yesNo(shopper, storeVisit, "thanked-by-name-or-warmly", "Oui", "<b>Merci Claire</b>, m’a dit la vendeuse.");
        number(shopper, storeVisit, "phone-answered-by-second-ring", "2");
        yesNo(shopper, storeVisit, "the-whole-visit", "3", "");
        ZonedDateTime visited = ZonedDateTime.now(clock).withZoneSameInstant(paris).minusHours(1);
        shopper.locator("#visitDate").fill(visited.toLocalDate().toString());
        shopper.locator("#visitTime").fill(visited.format(DateTimeFormatter.ofPattern("HH:mm")));
        shopper.locator("#receipt").setInputFiles(receiptPhoto());
        shopper.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer le rapport")).click();
        assertThat(shopper.locator("main")).containsText("Personne ne m’a dit bonjour pendant deux minutes.");
        assertThat(shopper.locator("form.mystery-form")).hasCount(0);
        fitsThePhone(shopper);
        assertAccessible(shopper);

        // By hand: earned 0 + 0 + (N/A) + 2 + 2 + 1.5 + 0 + 1 + 2 + 3 + 1.5 = 13 of 3+2+2+2+2+1+1+2+3+3 = 21, so 61.9 %;
        // "greeted on entry" is critical and failed, so the visit is flagged.
        managerPhone.navigate(url("/experience/mystery/visits/" + visit));
        assertThat(managerPhone.locator(".score-percent")).hasText("61.9 %");
        assertThat(managerPhone.locator(".score-weights")).containsText("13");
        assertThat(managerPhone.locator(".score-weights")).containsText("21");
        assertThat(managerPhone.locator(".mystery-flag")).isVisible();
        assertThat(managerPhone.locator("main")).containsText("<b>Merci Claire</b>, m’a dit la vendeuse.");
        assertThat(managerPhone.locator(".mystery-critical-failed")).hasCount(1);
        Locator receipt = managerPhone.locator(".mystery-receipt img");
        receipt.scrollIntoViewIfNeeded();
        assertThat(receipt.evaluate("img => img.decode().then(() => img.naturalWidth)"))
                .as("the receipt photo shows, as sent").isEqualTo(60);
        fitsThePhone(managerPhone);
        assertAccessible(managerPhone);
        screenshot(managerPhone, "mystery-review-phone");

        managerPhone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept the report")).click();
        assertThat(managerPhone.locator(".visit-status")).hasText("Accepted");
        managerPhone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark the reward paid")).click();
        assertThat(managerPhone.locator(".reward-paid")).isVisible();
        assertThat(jdbc.sql("select score from mystery_visit where id = :v").param("v", visit)
                .query(BigDecimal.class).single()).isEqualByComparingTo("61.90");

        // The reward is a cost of its own kind in the "spend my money" ledger (the ledger hears of it after commit).
        String twenty = Formats.of(Locale.ENGLISH).money(Money.of("20.00", "EUR"));
        for (int i = 0; i < 40; i++) {
            managerPhone.navigate(url("/service/reports/ledger?store=" + store));
            if (managerPhone.locator("main").textContent().contains("Mystery shopping rewards")) {
                break;
            }
            Thread.sleep(Duration.ofMillis(250));
        }
        assertThat(managerPhone.locator("main")).containsText("Mystery shopping rewards");
        assertThat(managerPhone.locator("main")).containsText(twenty);
        fitsThePhone(managerPhone);

        // The results count the accepted visit, flagged, in the store's figures.
        managerPhone.navigate(url("/experience/mystery"));
        assertThat(managerPhone.locator("main")).containsText("Chaussures");
        assertThat(managerPhone.locator("main")).containsText("Claire Fontaine");
        fitsThePhone(managerPhone);
        assertAccessible(managerPhone);
    }

    /** Answers an item by the label of its choice (yes, no, N/A, or a number of the 1–5 scale), with a comment. */
    private void yesNo(Page on, MysteryChecklists.Summary checklist, String key, String choice, String comment) {
        Locator item = on.locator("#item-" + itemId(checklist, key));
        item.getByLabel(choice, new Locator.GetByLabelOptions().setExact(true)).check();
        if (!comment.isEmpty()) {
            item.locator("textarea").fill(comment);
        }
    }

    private void number(Page on, MysteryChecklists.Summary checklist, String key, String value) {
        on.locator("#answer-" + itemId(checklist, key)).fill(value);
    }

    private long itemId(MysteryChecklists.Summary checklist, String key) {
        return checklists.version(checklist.versionId()).orElseThrow().items().stream()
                .filter(i -> i.key().equals(key)).findFirst().orElseThrow().id();
    }

    private static Path receiptPhoto() throws Exception {
        BufferedImage image = new BufferedImage(60, 90, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xFFFFFF);
        Path file = Files.createTempFile("ticket-de-caisse", ".jpg");
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}
