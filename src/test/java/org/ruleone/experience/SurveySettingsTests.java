package org.ruleone.experience;

import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The owner's survey settings: each store's rules and the versioned wording; nobody else may change them. */
@IntegrationTest
class SurveySettingsTests {

    @Autowired MockMvc mvc;
    @Autowired ServiceFixtures fixtures;
    @Autowired TestPeople people;
    @Autowired SurveyRuleBook ruleBook;
    @Autowired SurveyWordings wordings;

    long store;

    @BeforeEach
    void store() {
        store = fixtures.store("Rules", "PL", ZoneId.of("Europe/Warsaw"));
    }

    @Test
    void showsTheDefaultsOfAStoreWithoutRulesAndTheWordingVersions() throws Exception {
        mvc.perform(get("/experience/settings").param("store", String.valueOf(store)).with(user(people.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"21:00\"")))
                .andExpect(content().string(containsString("name=\"cooldownDays\" inputmode=\"numeric\" value=\"30\"")))
                .andExpect(content().string(containsString(
                        "Polish, version " + wordings.current(Language.PL).version())));
        mvc.perform(get("/settings").with(user(people.owner())))
                .andExpect(content().string(containsString("href=\"/experience/settings\"")));
    }

    @Test
    void theOwnerSavesAStoresRules() throws Exception {
        mvc.perform(post("/experience/settings/rules").with(user(people.owner())).with(csrf())
                        .param("store", String.valueOf(store)).param("afterPurchase", "true")
                        .param("afterCaseDelayHours", "48").param("afterPurchaseDelayHours", "2")
                        .param("cooldownDays", "60").param("quietFrom", "20:00").param("quietUntil", "09:30")
                        .param("reminders", "2").param("reminderAfterDays", "4").param("expiryDays", "14"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "experience.settings.rules.saved"));

        assertThat(ruleBook.of(store)).isEqualTo(new SurveyRules(store, false, 48, true, 2, false, 60,
                LocalTime.of(20, 0), LocalTime.of(9, 30), 2, 4, 14));
    }

    @Test
    void refusesRulesOutOfRangeAndKeepsTheOldOnes() throws Exception {
        mvc.perform(post("/experience/settings/rules").with(user(people.owner())).with(csrf())
                        .param("store", String.valueOf(store)).param("afterCase", "true")
                        .param("afterCaseDelayHours", "24").param("afterPurchaseDelayHours", "24")
                        .param("cooldownDays", "30").param("quietFrom", "21:00").param("quietUntil", "08:00")
                        .param("reminders", "3").param("reminderAfterDays", "3").param("expiryDays", "30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was saved: a number is out of its range")))
                .andExpect(content().string(containsString("name=\"reminders\" inputmode=\"numeric\" value=\"3\"")));

        assertThat(ruleBook.of(store)).isEqualTo(SurveyRules.defaults(store));
    }

    @Test
    void savingTheWordingMakesANewVersionAndKeepsTheOldOne() throws Exception {
        SurveyWording before = wordings.current(Language.FR);

        mvc.perform(post("/experience/settings/wording").with(user(people.owner())).with(csrf())
                        .param("language", "FR").param("comeBack", "Reviendrez-vous chez {store} ?")
                        .param("satisfactionHelp", "Notre aide vous a-t-elle plu ?")
                        .param("satisfactionVisit", "Votre visite vous a-t-elle plu ?")
                        .param("commentPrompt", "Un mot pour nous ?"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("noticeVersion", before.version() + 1));

        assertThat(wordings.current(Language.FR).comeBackFor("Rules")).isEqualTo("Reviendrez-vous chez Rules ?");
        mvc.perform(post("/experience/settings/wording").with(user(people.owner())).with(csrf())
                        .param("language", "FR").param("comeBack", "").param("satisfactionHelp", "x")
                        .param("satisfactionVisit", "x").param("commentPrompt", "x".repeat(501)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("every question needs 1 to 500 characters")));
        assertThat(wordings.current(Language.FR).version()).isEqualTo(before.version() + 1);
        assertThat(wordings.find(before.id()).orElseThrow().comeBack()).isEqualTo(before.comeBack());
        mvc.perform(get("/experience/settings").with(user(people.owner())))
                .andExpect(content().string(containsString("French, version " + (before.version() + 1))));
    }

    @Test
    void associatesAndManagersMayNotSeeNorChangeTheRules() throws Exception {
        var associate = fixtures.person(Role.ASSOCIATE, store, Language.EN);
        var manager = fixtures.person(Role.MANAGER, store, Language.EN);
        var otherManager = fixtures.person(Role.MANAGER, fixtures.store("Other", "PL", ZoneId.of("Europe/Warsaw")),
                Language.EN);

        for (var person : java.util.List.of(associate, manager, otherManager)) {
            mvc.perform(get("/experience/settings").param("store", String.valueOf(store)).with(user(person)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/experience/settings/rules").with(user(person)).with(csrf())
                            .param("store", String.valueOf(store)).param("afterCaseDelayHours", "1")
                            .param("afterPurchaseDelayHours", "1").param("cooldownDays", "0")
                            .param("quietFrom", "00:00").param("quietUntil", "00:00").param("reminders", "2")
                            .param("reminderAfterDays", "1").param("expiryDays", "365"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/experience/settings/wording").with(user(person)).with(csrf())
                            .param("language", "EN").param("comeBack", "x").param("satisfactionHelp", "x")
                            .param("satisfactionVisit", "x").param("commentPrompt", "x"))
                    .andExpect(status().isForbidden());
        }
        assertThat(ruleBook.of(store)).isEqualTo(SurveyRules.defaults(store));
        assertThat(wordings.current(Language.EN).comeBack()).isNotEqualTo("x");
    }
}
