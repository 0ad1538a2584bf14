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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
    void makesTheAccountWaitAfterFiveFailedAttemptsEvenWithTheRightPassword() throws Exception {
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
    void throttlesANameTypedWithLeadingSpacesLikeThePlainOne() throws Exception {
        var me = people.person(Role.ASSOCIATE, people.store("Spaces store"));
        for (int i = 0; i < 5; i++) {
            int n = i;
            mvc.perform(post("/login").with(csrf()).with(r -> { r.setRemoteAddr("10.8.8." + n); return r; })
                            .param("username", me.email()).param("password", "wrong guess " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf()).with(r -> { r.setRemoteAddr("10.8.8.99"); return r; })
                        .param("username", "  " + me.email().toUpperCase()).param("password", TestPeople.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void letsAColleagueSignInFromAnAddressWhereOthersFailedBelowItsLimit() throws Exception {
        long store = people.store("Shared Wi-Fi store");
        for (int person = 0; person < 3; person++) {
            var clumsy = people.person(Role.ASSOCIATE, store);
            for (int i = 0; i < 5; i++) {
                mvc.perform(post("/login").with(csrf()).with(r -> { r.setRemoteAddr("10.7.7.7"); return r; })
                                .param("username", clumsy.email()).param("password", "wrong guess " + i))
                        .andExpect(redirectedUrl("/login?error"));
            }
        }
        var colleague = people.person(Role.ASSOCIATE, store);
        mvc.perform(post("/login").with(csrf()).with(r -> { r.setRemoteAddr("10.7.7.7"); return r; })
                        .param("username", colleague.email()).param("password", TestPeople.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void showsTheOwnerALockedAccountAndLetsThemLiftIt() throws Exception {
        var me = people.person(Role.ASSOCIATE, people.store("Lifted store"));
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).with(r -> { r.setRemoteAddr("10.6.6.6"); return r; })
                    .param("username", me.email()).param("password", "wrong guess " + i));
        }
        mvc.perform(post("/login").with(csrf()).param("username", me.email()).param("password", TestPeople.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));

        mvc.perform(get("/settings").with(user(people.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(me.email())))
                .andExpect(content().string(containsString("Sign-in locks")));
        mvc.perform(post("/settings/sign-in-locks/lift").with(csrf()).with(user(people.owner()))
                        .param("kind", "ACCOUNT").param("key", me.email()))
                .andExpect(redirectedUrl("/settings"));

        mvc.perform(post("/login").with(csrf()).param("username", me.email()).param("password", TestPeople.PASSWORD))
                .andExpect(redirectedUrl("/"));
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
        mvc.perform(get("/book").cookie(session)).andExpect(status().isOk());

        organization.deactivate(me.id());

        assertThat(jdbc.sql("select count(*) from spring_session where principal_name in (:id, :email)")
                .param("id", String.valueOf(me.id())).param("email", me.email()).query(Long.class).single()).isZero();
        mvc.perform(get("/book").cookie(session)).andExpect(redirectedUrl("/login"));
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
