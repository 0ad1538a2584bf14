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

/**
 * Links are written as the templates say, without a look-up in the jar per link (issue 16, item 4), and the
 * version-less script links they hold are still served.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PageLinksTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;

    @Test
    void aPageLinksItsScriptsAsWrittenAndTheScriptsAreServed() throws Exception {
        people.owner(); // past the first run, so /login is the sign-in page
        String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("src=\"/webjars/htmx.org/dist/htmx.min.js\"", "href=\"/css/app.css\"");
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx")));
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.min.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Chart")));
    }
}
