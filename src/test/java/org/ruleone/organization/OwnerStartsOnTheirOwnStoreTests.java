package org.ruleone.organization;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An owner's screens open on the store they work in, and their client list shows the clients there are. */
@IntegrationTest
@AutoConfigureMockMvc
class OwnerStartsOnTheirOwnStoreTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired ClientBook book;

    SignedInAssociate owner;

    @BeforeEach
    void aStoreComesFirstByName() {
        owner = people.owner();
        people.store("Aaa Airport " + System.nanoTime());
    }

    @Test
    void opensTheOwnersTasksOnTheirOwnStore() throws Exception {
        mvc.perform(get("/tasks").with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(chosen(owner.storeId()))));
    }

    @Test
    void opensTheOwnersPaperOnTheirOwnStore() throws Exception {
        mvc.perform(get("/paper").with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(chosen(owner.storeId()))));
    }

    private static String chosen(long store) {
        return "<option value=\"" + store + "\" selected=\"selected\">";
    }

    @Test
    void showsAnOwnerWhoKeepsNoClientsTheLatestClients() throws Exception {
        long store = people.store("Clients " + System.nanoTime());
        SignedInAssociate keeper = people.person(Role.ASSOCIATE, store);
        book.add(new ClientDraft(store, "L-" + System.nanoTime(), "Ludwika", "Zawadzka", null, null, null,
                Language.PL, "", List.of(), List.of(), "", keeper.id()));

        // An owner of their own: the shared test owner may keep clients that other tests gave them.
        SignedInAssociate clientless = people.person(Role.OWNER, people.store("Owner's own " + System.nanoTime()));

        mvc.perform(get("/clients").with(user(clientless)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Latest clients"), containsString("Ludwika Zawadzka"))));
    }
}
