package org.ruleone.journeys;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store manager opens the survey figures on a phone: the come-back score, its trend drawn with the interval as a
 * band, the table under it, the comments and the follow-up case, in English, French and Polish.
 */
class ManagerReadsWhatCustomersSaidJourney extends BrowserJourney {

    @Autowired ServiceFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    SignedInAssociate manager;
    long followUp;

    @BeforeEach
    void sixMonthsOfAnswers() {
        long store = fixtures.store("Sklep Mokotów", "PL", ZoneId.of("Europe/Warsaw"));
        manager = fixtures.named("Magda Manager", Role.MANAGER, store, Language.EN);
        long client = fixtures.client(store, "Zofia", "Żółkiewska", Language.PL);
        followUp = fixtures.openCase(manager, store, client, "Ankieta: 3/10", "Za długo czekałam na zwrot.");
        String[] comments = {"Bardzo miła obsługa, na pewno wrócę.", "Accueil chaleureux, je reviendrai.",
                "Waited too long at the till.", null, null};
        for (int i = 0; i < 60; i++) {
            jdbc.sql("""
                    insert into survey_answer (store_id, associate_id, channel, come_back, satisfaction, comment,
                                               complete, started_at, answered_at, follow_up_case_id)
                    values (:store, :associate, 'PURCHASE', :comeBack, :satisfaction, :comment, true, :at, :at,
                            :followUp)""")
                    .param("store", store).param("associate", manager.id()).param("comeBack", (i * 7) % 11)
                    .param("satisfaction", 1 + i % 5).param("comment", comments[i % comments.length])
                    .param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(3L * i))))
                    .param("followUp", i == 3 ? followUp : null).update();
        }
    }

    @Test
    void seesTheScoreItsBandTheCommentsAndTheFollowUpOnAPhoneInThreeLanguages() {
        Page p = newContext(390, 844).newPage();
        signIn(p, manager.email(), ServiceFixtures.PASSWORD);
        p.waitForURL(url("/"));
        p.navigate(url("/experience"));

        assertThat(p.locator("h1")).hasText("What customers tell us");
        assertThat(p.locator("#responses")).hasText("60");
        assertThat(p.locator("#score")).not().hasText("–");
        assertThat(p.locator("canvas#survey-trend")).hasAttribute("data-drawn", "true");
        assertThat(p.locator("#comments")).containsText("Bardzo miła obsługa");
        assertThat(p.locator("a[href='/cases/" + followUp + "']").first()).isVisible();
        assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        screenshot(p, "experience-phone-en");
        assertAccessible(p);

        p.locator("button[name=lang][value=fr]").click();
        assertThat(p.locator("h1")).hasText("Ce que nous disent les clients");
        assertThat(p.locator("canvas#survey-trend")).hasAttribute("data-drawn", "true");
        screenshot(p, "experience-phone-fr");
        p.locator("button[name=lang][value=pl]").click();
        assertThat(p.locator("h1")).hasText("Co mówią nam klienci");
        assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        screenshot(p, "experience-phone-pl");
        p.context().close();

        Page laptop = newContext(1366, 900).newPage();
        signIn(laptop, manager.email(), ServiceFixtures.PASSWORD);
        laptop.waitForURL(url("/"));
        laptop.navigate(url("/experience?by=WEEK"));
        assertThat(laptop.locator("canvas#survey-trend")).hasAttribute("data-drawn", "true");
        screenshot(laptop, "experience-laptop");
        laptop.context().close();
    }
}
