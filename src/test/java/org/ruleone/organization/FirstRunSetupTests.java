package org.ruleone.organization;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A fresh installation has no account at all until the owner creates theirs. */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunSetupTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    @Order(1)
    void leadsEveryPageToTheSetupScreenWhileNoOwnerExists() throws Exception {
        mvc.perform(get("/clients")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/login")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/setup")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Welcome to Rule One")));
    }

    @Test
    @Order(2)
    void explainsAnEmptySetupFormInFrenchAndPolishInItsOwnWordsWithOnePasswordError() throws Exception {
        String french = emptySetup(java.util.Locale.FRENCH);
        assertThat(french).doesNotContain("ne doit pas être vide", "la taille doit");
        assertThat(occurrences(french, "Remplissez ce champ.")).as("name, e-mail, store name").isEqualTo(3);
        assertThat(occurrences(french, "au moins 12 caractères")).as("the password, once").isEqualTo(1);

        String polish = emptySetup(java.util.Locale.of("pl"));
        assertThat(polish).doesNotContain("nie może być", "wielkość musi");
        assertThat(occurrences(polish, "Uzupełnij to pole.")).isEqualTo(3);
    }

    private String emptySetup(java.util.Locale locale) throws Exception {
        return mvc.perform(post("/setup").with(csrf()).locale(locale)
                        .param("ownerName", "").param("email", "").param("password", "").param("passwordAgain", "")
                        .param("storeName", "").param("timeZone", "Europe/Paris"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    @Order(2)
    void keepsWhatWasTypedAndExplainsWhenThePasswordsDiffer() throws Exception {
        mvc.perform(post("/setup").with(csrf())
                        .param("ownerName", "Nora Owner").param("email", "nora@example.com")
                        .param("password", "a long enough secret").param("passwordAgain", "another secret here")
                        .param("storeName", "Downtown").param("timeZone", "Europe/Paris"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The two passwords are not the same.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Downtown\"")));
        assertThat(jdbc.sql("select count(*) from associate").query(Long.class).single()).isZero();
    }

    @Test
    @Order(2)
    void explainsThatAPasswordLongerThan72BytesIsTooLongInsteadOfFailing() throws Exception {
        String tooLong = "a".repeat(73);
        mvc.perform(post("/setup").with(csrf())
                        .param("ownerName", "Nora Owner").param("email", "nora@example.com")
                        .param("password", tooLong).param("passwordAgain", tooLong)
                        .param("storeName", "Downtown").param("timeZone", "Europe/Paris"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("at most 72 bytes")));
        assertThat(jdbc.sql("select count(*) from associate").query(Long.class).single()).isZero();
    }

    @Test
    @Order(2)
    void refusesACommonPasswordAtSetup() throws Exception {
        mvc.perform(post("/setup").with(csrf())
                        .param("ownerName", "Nora Owner").param("email", "nora@example.com")
                        .param("password", "qwerty123456").param("passwordAgain", "qwerty123456")
                        .param("storeName", "Downtown").param("timeZone", "Europe/Paris"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("one of the most common")));
        assertThat(jdbc.sql("select count(*) from associate").query(Long.class).single()).isZero();
    }

    @Test
    @Order(2)
    void stillAsksForTwelveCharactersAtSetup() throws Exception {
        mvc.perform(post("/setup").with(csrf())
                        .param("ownerName", "Nora Owner").param("email", "nora@example.com")
                        .param("password", "short pass").param("passwordAgain", "short pass")
                        .param("storeName", "Downtown").param("timeZone", "Europe/Paris"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("at least 12 characters")));
        assertThat(jdbc.sql("select count(*) from associate").query(Long.class).single()).isZero();
    }

    @Test
    @Order(2)
    void explainsInTheVisitorsLanguageThatATypedTimeZoneIsUnknown() throws Exception {
        mvc.perform(post("/setup").with(csrf()).header("Accept-Language", "pl")
                        .param("ownerName", "Nora Owner").param("email", "nora@example.com")
                        .param("password", "a long enough secret").param("passwordAgain", "a long enough secret")
                        .param("storeName", "Downtown").param("timeZone", "Paris"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "„Paris” nie jest strefą czasową znaną Rule One")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<option value=\"Europe/Paris\"")));
        assertThat(jdbc.sql("select count(*) from associate").query(Long.class).single()).isZero();
    }

    @Test
    @Order(3)
    void refusesSetupWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/setup").param("ownerName", "Mallory"))
                .andExpect(status().isForbidden());
    }

    @Test
    @Order(4)
    void createsTheOwnerAndFirstStoreThenClosesTheSetupScreen() throws Exception {
        Cookie before = mvc.perform(get("/setup")).andReturn().getResponse().getCookie("SESSION");
        Cookie after = mvc.perform(post("/setup").with(csrf()).cookie(before)
                        .param("ownerName", "Nora Owner").param("email", "Nora@Example.com")
                        .param("password", "a long enough secret").param("passwordAgain", "a long enough secret")
                        .param("storeName", "Downtown").param("storeCountry", "France").param("timeZone", "Europe/Paris")
                        .param("language", "fr"))
                .andExpect(redirectedUrl("/?welcome")).andReturn().getResponse().getCookie("SESSION");

        assertThat(after).isNotNull();
        assertThat(after.getValue()).as("a new session id, so no fixation").isNotEqualTo(before.getValue());
        mvc.perform(get("/").cookie(after)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Hello, Nora Owner")));
        mvc.perform(get("/").cookie(before)).andExpect(redirectedUrl("/login"));
        assertThat(jdbc.sql("select count(*) from audit_event where kind = 'AUTHENTICATION_SUCCESS' and principal = :who")
                .param("who", "nora@example.com").query(Long.class).single()).isEqualTo(1);

        var owner = jdbc.sql("select email, role, password_hash from associate").query().singleRow();
        assertThat(owner.get("email")).isEqualTo("nora@example.com");
        assertThat(owner.get("role")).isEqualTo("OWNER");
        assertThat((String) owner.get("password_hash")).startsWith("{bcrypt}").doesNotContain("a long enough secret");
        assertThat(jdbc.sql("select time_zone || ' ' || language from store where name = 'Downtown'")
                .query(String.class).single()).isEqualTo("Europe/Paris fr");

        mvc.perform(get("/setup")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/setup").with(csrf()).param("ownerName", "Second owner"))
                .andExpect(redirectedUrl("/login"));
    }
}
