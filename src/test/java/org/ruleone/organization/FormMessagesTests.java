package org.ruleone.organization;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A store form sent back with mistakes explains them in the reader's language, in our words. */
@IntegrationTest
@AutoConfigureMockMvc
class FormMessagesTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;

    @Test
    void explainsAnEmptyStoreFormInFrenchInItsOwnWords() throws Exception {
        assertThat(postEmptyStore(Locale.FRENCH, "")).contains("Remplissez ce champ.")
                .doesNotContain("ne doit pas être vide");
        assertThat(postEmptyStore(Locale.FRENCH, "x".repeat(121))).contains("120 caractères au plus")
                .doesNotContain("la taille doit être comprise");
    }

    @Test
    void explainsAnEmptyStoreFormInPolishInItsOwnWords() throws Exception {
        assertThat(postEmptyStore(Locale.of("pl"), "")).contains("Uzupełnij to pole.")
                .doesNotContain("nie może być");
        assertThat(postEmptyStore(Locale.of("pl"), "x".repeat(121))).contains("Najwyżej 120 znaków.")
                .doesNotContain("wielkość musi należeć do zakresu");
    }

    private String postEmptyStore(Locale locale, String name) throws Exception {
        return mvc.perform(post("/stores").with(user(people.owner())).with(csrf())
                        .param("lang", locale.getLanguage())
                        .param("name", name).param("timeZone", "").param("language", "")
                        .param("opens", "", "", "", "", "", "", "").param("closes", "", "", "", "", "", "", ""))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
