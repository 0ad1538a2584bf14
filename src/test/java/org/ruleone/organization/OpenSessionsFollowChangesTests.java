package org.ruleone.organization;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An open session never keeps rights its person no longer has, whichever change the owner made. */
@IntegrationTest
@AutoConfigureMockMvc
class OpenSessionsFollowChangesTests {

    static final String NEW_PASSWORD = "ferns under the old pier";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestPeople people;
    @Autowired
    Organization organization;
    @Autowired
    JdbcClient jdbc;

    @Test
    void endsTheSessionOfAManagerDemotedToAssociate() throws Exception {
        var manager = people.person(Role.MANAGER, people.store("Demotion store"));
        Cookie session = signIn(manager.email(), TestPeople.PASSWORD);
        mvc.perform(get("/associates").cookie(session)).andExpect(status().isOk());

        mvc.perform(edit(manager, "ASSOCIATE", manager.storeId(), manager.email(), ""))
                .andExpect(redirectedUrl("/associates"));

        mvc.perform(get("/associates").cookie(session)).andExpect(redirectedUrl("/login"));
        assertThat(sessionsOf(manager)).isZero();
    }

    @Test
    void endsTheSessionOfAManagerMovedToAnotherStore() throws Exception {
        var manager = people.person(Role.MANAGER, people.store("Old store"));
        Cookie session = signIn(manager.email(), TestPeople.PASSWORD);

        mvc.perform(edit(manager, "MANAGER", people.store("New store"), manager.email(), ""))
                .andExpect(redirectedUrl("/associates"));

        mvc.perform(get("/associates").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void endsTheSessionsOfAnAssociateGivenANewPassword() throws Exception {
        var associate = people.person(Role.ASSOCIATE, people.store("Password reset store"));
        Cookie first = signIn(associate.email(), TestPeople.PASSWORD);
        Cookie second = signIn(associate.email(), TestPeople.PASSWORD);

        mvc.perform(edit(associate, "ASSOCIATE", associate.storeId(), associate.email(), NEW_PASSWORD))
                .andExpect(redirectedUrl("/associates"));

        mvc.perform(get("/book").cookie(first)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/book").cookie(second)).andExpect(redirectedUrl("/login"));
        Cookie fresh = signIn(associate.email(), NEW_PASSWORD);
        mvc.perform(get("/book").cookie(fresh)).andExpect(status().isOk());
    }

    @Test
    void endsTheSessionOfAnAssociateWhoseEmailChanged() throws Exception {
        var associate = people.person(Role.ASSOCIATE, people.store("Renamed store"));
        Cookie session = signIn(associate.email(), TestPeople.PASSWORD);

        mvc.perform(edit(associate, "ASSOCIATE", associate.storeId(), "renamed-" + associate.email(), ""))
                .andExpect(redirectedUrl("/associates"));

        mvc.perform(get("/book").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void endsTheSessionOfAnAssociateDeactivatedAfterTheirEmailChanged() throws Exception {
        var associate = people.person(Role.ASSOCIATE, people.store("Leaving after rename store"));
        Cookie session = signIn(associate.email(), TestPeople.PASSWORD);
        mvc.perform(get("/book").cookie(session)).andExpect(status().isOk());
        jdbc.sql("update associate set email = :email where id = :id")
                .param("email", "renamed-" + associate.email()).param("id", associate.id()).update();

        mvc.perform(post("/associates/" + associate.id() + "/deactivate").with(csrf()).with(user(people.owner())))
                .andExpect(redirectedUrl("/associates"));

        assertThat(jdbc.sql("select count(*) from spring_session where principal_name in (:id, :email)")
                .param("id", String.valueOf(associate.id())).param("email", associate.email())
                .query(Long.class).single()).isZero();
        mvc.perform(get("/book").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void refusesAnInactiveAssociateOnTheNextRequestEvenIfTheSessionWasNotFound() throws Exception {
        var associate = people.person(Role.ASSOCIATE, people.store("Switched off store"));
        Cookie session = signIn(associate.email(), TestPeople.PASSWORD);
        mvc.perform(get("/book").cookie(session)).andExpect(status().isOk());

        jdbc.sql("update associate set active = false where id = :id").param("id", associate.id()).update();

        mvc.perform(get("/book").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void keepsTheOwnersOwnSessionButEndsTheirOthersWhenTheyChangeTheirPassword() throws Exception {
        var owner = people.person(Role.OWNER, people.store("Second owner store"));
        Cookie here = signIn(owner.email(), TestPeople.PASSWORD);
        Cookie elsewhere = signIn(owner.email(), TestPeople.PASSWORD);

        mvc.perform(post("/associates/" + owner.id()).cookie(here).with(csrf())
                        .param("name", owner.name()).param("email", owner.email()).param("role", "OWNER")
                        .param("storeId", String.valueOf(owner.storeId())).param("language", Language.EN.code())
                        .param("password", NEW_PASSWORD))
                .andExpect(redirectedUrl("/associates"));

        mvc.perform(get("/settings").cookie(here)).andExpect(status().isOk());
        mvc.perform(get("/settings").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void keepsSessionsWhenOnlyTheNameChanges() throws Exception {
        var associate = people.person(Role.ASSOCIATE, people.store("Name change store"));
        Cookie session = signIn(associate.email(), TestPeople.PASSWORD);

        mvc.perform(post("/associates/" + associate.id()).with(csrf()).with(user(people.owner()))
                        .param("name", "Another Name").param("email", associate.email()).param("role", "ASSOCIATE")
                        .param("storeId", String.valueOf(associate.storeId())).param("language", "en")
                        .param("password", ""))
                .andExpect(redirectedUrl("/associates"));

        mvc.perform(get("/book").cookie(session)).andExpect(status().isOk());
    }

    private Cookie signIn(String email, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password))
                .andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie("SESSION");
    }

    private MockHttpServletRequestBuilder edit(SignedInAssociate who, String role, long storeId, String email,
                                               String password) {
        return post("/associates/" + who.id()).with(csrf()).with(user(people.owner()))
                .param("name", who.name()).param("email", email).param("role", role)
                .param("storeId", String.valueOf(storeId)).param("language", "en")
                .param("password", password);
    }

    private long sessionsOf(SignedInAssociate who) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :id")
                .param("id", String.valueOf(who.id())).query(Long.class).single();
    }
}
