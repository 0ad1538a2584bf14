package org.ruleone.organization;

import org.junit.jupiter.api.Test;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Passwords set by the owner on the associate form, and what sign-in makes of long ones. */
@IntegrationTest
@AutoConfigureMockMvc
class PasswordSettingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestPeople people;
    @Autowired
    Organization organization;

    @Test
    void explainsThatANewAssociatesPasswordOver72BytesIsTooLong() throws Exception {
        String email = "long-" + System.nanoTime() + "@example.com";
        mvc.perform(newAssociate(email, "ą".repeat(40)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at most 72 bytes")));
        assertThat(organization.signInDetails(email)).isEmpty();
    }

    @Test
    void refusesACommonPasswordForANewAssociate() throws Exception {
        String email = "common-" + System.nanoTime() + "@example.com";
        mvc.perform(newAssociate(email, "1qaz2wsx3edc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("one of the most common")));
        assertThat(organization.signInDetails(email)).isEmpty();
    }

    @Test
    void refusesACommonPasswordWhenResettingOne() throws Exception {
        var associate = people.person(Role.ASSOCIATE, people.store("Reset store"));
        String before = associate.passwordHash();
        mvc.perform(post("/associates/" + associate.id()).with(csrf()).with(user(people.owner()))
                        .param("name", associate.name()).param("email", associate.email()).param("role", "ASSOCIATE")
                        .param("storeId", String.valueOf(associate.storeId())).param("language", "en")
                        .param("password", "qwerty123456"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("one of the most common")));
        assertThat(organization.signInDetails(associate.email()).orElseThrow().passwordHash()).isEqualTo(before);
    }

    @Test
    void stillAsksForTwelveCharactersOnTheAssociateForm() throws Exception {
        String email = "short-" + System.nanoTime() + "@example.com";
        mvc.perform(newAssociate(email, "too short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at least 12 characters")));
        assertThat(organization.signInDetails(email)).isEmpty();
    }

    @Test
    void doesNotSignInWithA72BytePasswordFollowedByAnythingElse() throws Exception {
        String password = "ferns under the old pier ".repeat(3).substring(0, 72);
        String email = "exact-" + System.nanoTime() + "@example.com";
        mvc.perform(newAssociate(email, password)).andExpect(redirectedUrl("/associates"));

        mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password + "anything"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void answersAWrongPasswordOf200CharactersAsWrongNotAsAnError() throws Exception {
        var associate = people.person(Role.ASSOCIATE, people.store("Long guess store"));
        mvc.perform(post("/login").with(csrf()).param("username", associate.email()).param("password", "g".repeat(200)))
                .andExpect(redirectedUrl("/login?error"));
    }

    private org.springframework.test.web.servlet.RequestBuilder newAssociate(String email, String password) {
        long store = people.store("Password store");
        return post("/associates").with(csrf()).with(user(people.owner()))
                .param("name", "Pat Password").param("email", email).param("role", "ASSOCIATE")
                .param("storeId", String.valueOf(store)).param("language", Language.EN.code())
                .param("password", password);
    }
}
