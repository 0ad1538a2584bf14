package org.ruleone.organization;

import org.junit.jupiter.api.Test;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class SignInSecurityTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestPeople people;
    @Autowired
    Organization organization;
    @Autowired
    JdbcClient jdbc;

    @Test
    void signsInWithTheRightPasswordAndRecordsItInTheAuditLog() throws Exception {
        var me = people.person(Role.ASSOCIATE, people.store("Audit store"));
        mvc.perform(post("/login").with(csrf()).param("username", me.email()).param("password", TestPeople.PASSWORD))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select count(*) from audit_event where kind = 'AUTHENTICATION_SUCCESS' and principal = :p")
                .param("p", me.email()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void locksTheAccountAfterFiveFailedAttemptsEvenWithTheRightPassword() throws Exception {
        var me = people.person(Role.ASSOCIATE, people.store("Throttle store"));
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).with(r -> { r.setRemoteAddr("10.9.9." + r.hashCode() % 200); return r; })
                            .param("username", me.email()).param("password", "wrong guess " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf()).param("username", me.email()).param("password", TestPeople.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
        assertThat(jdbc.sql("select count(*) from audit_event where kind = 'AUTHENTICATION_FAILURE' and principal = :p")
                .param("p", me.email()).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void changesTheSessionIdAtSignIn() throws Exception {
        var me = people.person(Role.ASSOCIATE, people.store("Fixation store"));
        Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).isNotNull();
        Cookie after = mvc.perform(post("/login").cookie(before).with(csrf())
                        .param("username", me.email()).param("password", TestPeople.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
    }

    @Test
    void endsTheSessionsOfADeactivatedAssociate() throws Exception {
        var me = people.person(Role.ASSOCIATE, people.store("Leaving store"));
        Cookie session = mvc.perform(post("/login").with(csrf()).param("username", me.email())
                .param("password", TestPeople.PASSWORD)).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        organization.deactivate(me.id());

        assertThat(jdbc.sql("select count(*) from spring_session where principal_name in (:id, :email)")
                .param("id", String.valueOf(me.id())).param("email", me.email()).query(Long.class).single()).isZero();
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").with(csrf()).param("username", me.email()).param("password", TestPeople.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void sendsAContentSecurityPolicyThatForbidsInlineScripts() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void keepsStoresAndSettingsForTheOwner() throws Exception {
        var associate = people.person(Role.MANAGER, people.store("Role store"));
        mvc.perform(get("/stores").with(user(associate))).andExpect(status().isForbidden());
        mvc.perform(get("/settings").with(user(associate))).andExpect(status().isForbidden());
        mvc.perform(get("/stores").with(user(people.owner()))).andExpect(status().isOk());
    }

    @Test
    void refusesApiCallsWithoutAValidToken() throws Exception {
        mvc.perform(get("/api/anything").header("Authorization", "Bearer r1_not-a-real-token"))
                .andExpect(status().isUnauthorized());
    }
}
