package org.ruleone.platform.web;

import org.junit.jupiter.api.Test;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With a PostgreSQL server (the tests' shared one) backups are the server's job, and the screen says so. */
@IntegrationTest
class BackupScreenWithADatabaseServerTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;

    @Test
    void tellsTheOwnerThatTheServersOwnToolsBackItUp() throws Exception {
        mvc.perform(get("/settings/backups").with(user(people.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"backup-server\"")))
                .andExpect(content().string(containsString("pg_basebackup")))
                .andExpect(content().string(not(containsString("Back up now"))));
    }
}
