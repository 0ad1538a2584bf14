package org.ruleone.journeys;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's second journey: a manager turns a legend into a roleplay scenario and sets up today's session; two
 * watchers score it on their phones (one in French), the played associate reflects, and the progress page shows the
 * mean of their scores.
 */
class RoleplayFromALegendJourney extends BrowserJourney {

    @Autowired TestPeople people;
    @Autowired Organization organization;

    @Test
    void watchersScoreARoleplayMadeFromALegendAndProgressShowsIt() {
        long store = people.store("Roleplay " + UUID.randomUUID());
        SignedInAssociate manager = named("Maja Manager", Role.MANAGER, store, Language.EN);
        SignedInAssociate played = named("Paul Played", Role.ASSOCIATE, store, Language.EN);
        SignedInAssociate customer = named("Cleo Customer", Role.ASSOCIATE, store, Language.EN);
        SignedInAssociate first = named("Wanda Watcher", Role.ASSOCIATE, store, Language.EN);
        SignedInAssociate second = named("Fanny Fournier", Role.ASSOCIATE, store, Language.FR);
        String today = LocalDate.now(ZoneId.of("Europe/Warsaw")).toString();

        Page phone = newContext(390, 844).newPage();
        signIn(phone, manager.email(), TestPeople.PASSWORD);
        phone.navigate(url("/training"));
        assertAccessible(phone);
        String legend = phone.locator("#legends a").first().textContent().strip();
        phone.locator("#legends a").first().click();
        assertThat(phone.locator("input[name=title]")).hasValue(legend);
        assertThat(phone.locator("input[name=origin]")).hasValue("LEGEND");
        assertAccessible(phone);
        phone.locator("textarea[name=customerPart]").fill("You come back upset; you expect to be turned away.");
        phone.locator("main form button[type=submit]").click();
        assertThat(phone.locator(".notice")).hasText("Scenario saved.");
        assertThat(phone.locator("h1")).hasText(legend);

        phone.locator("main a.button", new Page.LocatorOptions().setHasText("Set up a session")).click();
        phone.locator("input[name=plannedOn]").fill(today);
        phone.locator("select[name=customerPlayer]").selectOption("" + customer.id());
        phone.locator("select[name=associatePlayer]").selectOption("" + played.id());
        phone.locator("input[name=watchers][value='" + first.id() + "']").check();
        phone.locator("input[name=watchers][value='" + second.id() + "']").check();
        phone.locator("main form.stack button[type=submit]").click();
        assertThat(phone.locator(".notice")).hasText("Session set up.");
        String session = phone.url();

        score(first, session, new int[] {4, 4, 5}, "You listened first, then acted.", "Thank you, saved.");
        score(second, session, new int[] {3, 4, 5}, "Très chaleureux ; propose la solution plus tôt.",
                "Merci, c’est enregistré.");

        Page associate = newContext(390, 844).newPage();
        signIn(associate, played.email(), TestPeople.PASSWORD);
        associate.navigate(session);
        assertThat(associate.locator("#feedback-form")).hasCount(0);
        associate.locator("textarea[name=reflection]").fill("Next time I offer the solution before they ask.");
        associate.locator("#reflection-form button[type=submit]").click();
        assertThat(associate.locator("#reflection")).hasText("Next time I offer the solution before they ask.");
        associate.navigate(url("/training/progress/" + played.id()));
        // (4 + 4 + 5 + 3 + 4 + 5) / 6 = 4.17
        assertThat(associate.locator("#sessions-done")).hasText("1");
        assertThat(associate.locator("#progress td.mean")).hasText("4.2");
        assertThat(associate.locator("main")).containsText("Très chaleureux ; propose la solution plus tôt.");
        assertThat(associate.locator("canvas[data-simple-chart]")).isVisible();
        assertAccessible(associate);
        assertThat((Integer) associate.evaluate("() => document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        screenshot(associate, "roleplay-progress-phone");

        Page polish = newContext(390, 844).newPage();
        signIn(polish, named("Piotr Kierownik", Role.MANAGER, store, Language.PL).email(), TestPeople.PASSWORD);
        polish.navigate(url("/people/" + played.id()));
        assertThat(polish.locator("main")).containsText("Scenki szkoleniowe");
        assertThat(polish.locator("main")).containsText("średnia 4,2/5");
        assertThat(polish.locator("#profile-tenure")).containsText("lata:");
        assertAccessible(polish);
        assertThat((Integer) polish.evaluate("() => document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        screenshot(polish, "profile-phone-pl");

        Page owner = newContext(390, 844).newPage();
        signIn(owner, people.owner().email(), TestPeople.PASSWORD);
        owner.navigate(url("/people/tenure?store=" + store));
        assertThat(owner.locator("#tenure-counted")).hasText("6");
        assertAccessible(owner);
        assertThat((Integer) owner.evaluate("() => document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        screenshot(owner, "tenure-phone");
    }

    private void score(SignedInAssociate watcher, String session, int[] scores, String comment, String thanks) {
        Page phone = newContext(390, 844).newPage();
        signIn(phone, watcher.email(), TestPeople.PASSWORD);
        phone.navigate(session);
        for (int i = 0; i < scores.length; i++) {
            phone.locator("input[name=score" + (i + 1) + "][value='" + scores[i] + "']").check();
        }
        phone.locator("textarea[name=comment]").fill(comment);
        assertAccessible(phone);
        assertThat((Integer) phone.evaluate("() => document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        phone.locator("#feedback-form button[type=submit]").click();
        assertThat(phone.locator(".notice")).hasText(thanks);
        screenshot(phone, "roleplay-feedback-" + watcher.language().code());
    }

    private SignedInAssociate named(String name, Role role, long store, Language language) {
        String email = "roleplay-" + UUID.randomUUID() + "@example.com";
        organization.createAssociate(new AssociateDraft(name, email, role, store, LocalDate.of(2024, 1, 15),
                language), TestPeople.PASSWORD);
        return organization.signInDetails(email).orElseThrow();
    }
}
