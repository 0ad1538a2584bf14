package org.ruleone.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.internal.FoundItem;
import org.ruleone.service.internal.LostAndFound;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class LostAndFoundIntegrationTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired MockMvc mvc;
    @Autowired ServiceFixtures fixtures;
    @Autowired LostAndFound lostAndFound;
    @Autowired CaseDesk desk;
    @Autowired ApplicationEvents events;

    long store;
    long otherStore;
    SignedInAssociate guard;

    @BeforeEach
    void aStoreWithFoundItems() {
        store = fixtures.store("Paris Opéra", "FR", PARIS);
        otherStore = fixtures.store("Lyon", "FR", PARIS);
        guard = fixtures.associate(store);
    }

    Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    long found(long inStore, String what, String description, String when) {
        return lostAndFound.log(inStore, Optional.empty(), what, description, "fitting rooms", at(when),
                "building workers", guard.id());
    }

    @Test
    void offersTheDiamondFoundInTheVacuumBagForAReportedLostDiamond() {
        long diamond = found(store, "Diamond", "Loose stone from a ring, found in a vacuum-cleaner bag",
                "2026-11-20T18:00");
        found(store, "Umbrella", "Black folding umbrella", "2026-11-20T12:00");
        long tooEarly = found(store, "Diamond earring", "Small diamond on a stud", "2026-09-01T12:00");
        found(otherStore, "Diamond", "Loose diamond from a ring", "2026-11-20T18:00");
        long customer = fixtures.client(store, "Élise", "Marchand", Language.FR);
        long id = fixtures.openCase(guard, store, customer, "Lost diamond", null);

        assertThat(lostAndFound.matches(id, guard.storeScope())).as("nothing reported yet").isEmpty();
        lostAndFound.report(id, guard.storeScope(), guard.id(),
                "The diamond from my wedding ring fell out while I was trying on clothes", LocalDate.of(2026, 11, 20));

        assertThat(lostAndFound.matches(id, guard.storeScope()))
                .extracting(m -> m.item().id())
                .containsExactly(diamond)
                .doesNotContain(tooEarly);
    }

    @Test
    void givesTheItemBackResolvesTheCaseAndTellsTheCustomerInTheirLanguage() throws Exception {
        long diamond = found(store, "diamant", "Pierre d’une bague, trouvée dans un sac d’aspirateur",
                "2026-11-20T18:00");
        long customer = fixtures.client(store, "Élise", "Marchand", Language.FR);
        long id = fixtures.openCase(guard, store, customer, "Diamant perdu", null);
        mvc.perform(post("/cases/{id}/lost", id).with(user(guard)).with(csrf())
                        .param("description", "Le diamant de ma bague de fiançailles").param("lostOn", "2026-11-20"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/cases/{id}", id).with(user(guard)))
                .andExpect(content().string(allOf(containsString("This is it"),
                        containsString("sac d’aspirateur"))));

        mvc.perform(post("/cases/{id}/found/{item}", id, diamond).with(user(guard)).with(csrf())
                        .param("judgment", "She gets her wedding diamond back."))
                .andExpect(status().is3xxRedirection());

        ServiceCase resolved = desk.find(id, Optional.empty()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(resolved.resolutions()).singleElement().satisfies(r -> {
            assertThat(r.resolution().kind()).isEqualTo(ResolutionKind.LOST_AND_FOUND);
            assertThat(r.resolution().details()).isEqualTo(new ResolutionDetails.FoundItem("diamant", diamond));
            assertThat(r.resolution().currency()).isEqualTo("EUR");
            assertThat(r.judgment()).isEqualTo("She gets her wedding diamond back.");
        });
        assertThat(events.stream(CaseReplied.class).filter(e -> e.caseId() == id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.language()).isEqualTo(Language.FR);
                    assertThat(e.body()).contains("Bonne nouvelle").contains("diamant").contains("Paris Opéra");
                });
        assertThat(lostAndFound.item(diamond, Optional.empty())).get()
                .returns(id, FoundItem::claimedCaseId);
        assertThat(lostAndFound.unclaimed(guard.storeScope(), Optional.empty()))
                .extracting(FoundItem::id).doesNotContain(diamond);
        mvc.perform(get("/cases/{id}", id).with(user(guard)))
                .andExpect(content().string(allOf(containsString("Found item given back"),
                        containsString("Bonne nouvelle"))));
    }

    @Test
    void refusesToGiveBackAnItemOfAnotherStoreOrOneAlreadyClaimed() throws Exception {
        long elsewhere = found(otherStore, "Diamond", "Loose diamond", "2026-11-20T18:00");
        long customer = fixtures.client(store, "Élise", "Marchand", Language.FR);
        long id = fixtures.openCase(guard, store, customer, "Lost diamond", null);
        mvc.perform(post("/cases/{id}/found/{item}", id, elsewhere).with(user(guard)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(desk.find(id, Optional.empty()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(lostAndFound.item(elsewhere, Optional.empty()).orElseThrow().claimedCaseId()).isNull();
    }

    @Test
    void logsAFoundItemAndListsItUntilClaimedOnlyInItsStore() throws Exception {
        mvc.perform(post("/lost-and-found").with(user(guard)).with(csrf())
                        .param("what", "Diamond").param("description", "Found in the third vacuum bag")
                        .param("foundWhere", "Under the racks").param("foundAt", "2026-11-20T18:00")
                        .param("foundBy", "Security guard and two building workers"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/lost-and-found").with(user(guard)))
                .andExpect(content().string(allOf(containsString("Found in the third vacuum bag"),
                        containsString("Nov 20, 2026, 6:00"))));
        SignedInAssociate lyon = fixtures.associate(otherStore);
        mvc.perform(get("/lost-and-found").with(user(lyon)))
                .andExpect(content().string(not(containsString("Found in the third vacuum bag"))));
        mvc.perform(post("/lost-and-found").with(user(guard)).with(csrf())
                        .param("what", "").param("description", "Something shiny").param("foundAt", "yesterday"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Say what was found."),
                        containsString("Choose when it was found."), containsString("Something shiny"))));
    }

}
