package org.ruleone.journeys;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.Resolution;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tires, told again: an associate saw a colleague refund tires the store never sold and reports it on her phone,
 * linked to the case; the hero finds it on her home screen and in her mail, in French; the store's manager makes it
 * a legend, which the library shows in Polish and in French and prints as a PDF.
 */
class HeroicBecomesALegendJourney extends ServiceJourney {

    @Test
    void associateReportsAColleaguesHeroicThatBecomesALegend() throws Exception {
        long store = fixtures.store("Anchorage", "US", java.time.ZoneId.of("America/Anchorage"));
        SignedInAssociate reporter = fixtures.named("Rita Reporter", Role.ASSOCIATE, store, Language.EN);
        SignedInAssociate hero = fixtures.named("Hélène Héros", Role.ASSOCIATE, store, Language.FR);
        SignedInAssociate manager = fixtures.named("Marta Kierownik", Role.MANAGER, store, Language.PL);
        long client = fixtures.client(store, "Hank", "Tirewright", Language.EN);
        long tires = fixtures.openCase(hero, store, client, "Refund for winter tires", "Four snow tires, never ours");
        desk.resolve(tires, Optional.of(store), hero.id(), Resolution.refund(Money.of("145", "USD"), true),
                "He leaves happy and tells everyone.");

        Page phone = phone();
        signInAs(phone, reporter);
        phone.navigate(url("/heroics"));
        phone.locator("main a.button[href='/heroics/new']").click();
        phone.locator("select[name=heroes]").selectOption(String.valueOf(hero.id()));
        phone.locator("select[name=caseId]").selectOption(String.valueOf(tires));
        phone.locator("textarea[name=what]").fill("Hélène read the price off four tires we never sold and refunded "
                + "them on the spot. Two weeks in the job.");
        assertAccessible(phone);
        fitsThePhone(phone);
        screenshot(phone, "heroic-report-form-phone");
        phone.locator("main form button[type=submit]").click();

        assertThat(phone.locator(".notice")).hasText("Thank you: the hero has been told.");
        assertThat(phone.locator("main .heroic")).containsText("Hélène Héros");
        assertThat(phone.locator("main .heroic-facts")).containsText("$145.00");
        assertThat(phone.locator("main .heroic-facts")).containsText("Refund for winter tires");
        fitsThePhone(phone);
        assertAccessible(phone);
        screenshot(phone, "heroic-reported-phone");
        String heroicPath = phone.url().substring(url("").length());
        phone.context().close();

        Page herosPhone = phone();
        signInAs(herosPhone, hero);
        assertThat(herosPhone.locator("main .home-notice")).containsText("On a salué votre travail");
        assertThat(herosPhone.locator("main .home-notice")).containsText("Rita Reporter a signalé l’un de vos exploits");
        MimeMessage mail = receivedBy(hero.email());
        assertThat(mail.getSubject()).isEqualTo("Rita Reporter a salué ce que vous avez fait");
        assertThat(mail.getContentLanguage()).containsExactly("fr");

        Page managers = phone();
        signInAs(managers, manager);
        managers.navigate(url(heroicPath));
        managers.locator("#legend input[name=title]").fill("Opony, których nie sprzedaliśmy");
        managers.locator("#legend textarea[name=lesson]").fill("Przyjmij zwrot od razu, bez pytania o zgodę.");
        managers.locator("#legend button[type=submit]").click();
        assertThat(managers.locator("h1")).hasText("Opony, których nie sprzedaliśmy");
        managers.navigate(url("/legends"));
        assertThat(managers.locator("main")).containsText("Opony, których nie sprzedaliśmy");
        assertThat(managers.locator("main")).containsText("Opony zimowe");
        fitsThePhone(managers);
        assertAccessible(managers);
        screenshot(managers, "legend-library-pl-phone");

        herosPhone.navigate(url("/legends"));
        assertThat(herosPhone.locator("h1")).hasText("Légendes");
        assertThat(herosPhone.locator("main")).containsText("Opony, których nie sprzedaliśmy");
        assertThat(herosPhone.locator("main")).containsText("Les pneus neige");
        herosPhone.locator("main a", new Page.LocatorOptions().setHasText("Opony, których nie sprzedaliśmy")).click();
        String pdfPath = herosPhone.locator("main a[href$='.pdf']").getAttribute("href");
        APIResponse pdf = herosPhone.request().get(url(pdfPath));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        managers.context().close();
        herosPhone.context().close();
    }
}
