package org.ruleone.platform;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions live in PostgreSQL, so a stylesheet that read the session would cost a database read, several per page
 * (issue 16). With the signed-in session made unreadable in the database, a page that needs it fails, while the
 * assets and the health check, which never read it, still answer.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AssetsLeaveTheSessionAloneTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;

    @Test
    void servesStylesheetsScriptsAndTheHealthCheckWithoutReadingTheSession() throws Exception {
        SignedInAssociate associate = people.person(Role.ASSOCIATE, people.store("Assets store"));
        Cookie session = mvc.perform(post("/login").with(csrf()).param("username", associate.email())
                        .param("password", TestPeople.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/book").cookie(session)).andExpect(status().isOk());

        int spoiled = jdbc.sql("""
                update spring_session_attributes set attribute_bytes = '\\x00'::bytea
                 where session_primary_id in (select primary_id from spring_session where principal_name = :id)""")
                .param("id", String.valueOf(associate.id())).update();
        assertThat(spoiled).isPositive();

        assertThatThrownBy(() -> mvc.perform(get("/book").cookie(session)))
                .as("a page reads the session, so it cannot be served from a spoiled one")
                .hasRootCauseInstanceOf(java.io.EOFException.class);
        for (String asset : new String[] {"/css/app.css", "/js/app.js", "/favicon.ico", "/actuator/health"}) {
            mvc.perform(get(asset).cookie(session)).andExpect(status().isOk());
        }
    }
}
