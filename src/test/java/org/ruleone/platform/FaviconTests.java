package org.ruleone.platform;

import org.junit.jupiter.api.Test;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The browser tab shows Rule One's icon, before and after signing in. */
@IntegrationTest
@AutoConfigureMockMvc
class FaviconTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;

    @Test
    void servesTheIconToAnyoneAndNamesItOnEveryPage() throws Exception {
        people.owner();
        byte[] icon = mvc.perform(get("/favicon.ico")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(icon).hasSizeGreaterThan(100).startsWith(0, 0, 1, 0);
        mvc.perform(get("/img/favicon.svg")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")));
        mvc.perform(get("/login")).andExpect(content().string(containsString("rel=\"icon\"")));
    }
}
