package org.ruleone.platform.web;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A text where a store id belongs, in the address or a form: a 400 page that says so, never a 500. */
@IntegrationTest
@AutoConfigureMockMvc
class BadRequestsIntegrationTests {

    private static final String SAYS_SO = "a text where a number (such as a store) was expected";

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;

    @Test
    void aStoreThatIsNotANumberInTheAddressGetsA400Page() throws Exception {
        SignedInAssociate manager = people.person(Role.MANAGER, people.store("Bad store id"));
        for (String screen : new String[]{"/cases?store=abc", "/calls?store=abc", "/tasks?store=abc",
                "/cases/new?storeId=abc", "/contact/abc"}) {
            mvc.perform(get(screen).with(user(manager)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(SAYS_SO)));
        }
    }

    @Test
    void aFormWithAStoreThatIsNotANumberGetsA400PageNotA500() throws Exception {
        SignedInAssociate owner = people.owner();
        mvc.perform(post("/cases").param("storeId", "abc").param("subject", "Zip").with(user(owner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(SAYS_SO)));
        mvc.perform(post("/settings/api-tokens").param("name", "till").param("storeId", "abc")
                        .with(user(owner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(SAYS_SO)));
    }
}
