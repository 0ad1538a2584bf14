package org.ruleone.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.Organization;
import org.ruleone.recognition.Legend;
import org.ruleone.recognition.Legends;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.shared.Language;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Roleplay training through its screens, with real people of two stores (issue 13, item 3; ADR 0106). */
@IntegrationTest
@Import(StandardsTestSupport.class)
class RoleplayTrainingTests {

    static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired ClientBook book;
    @Autowired CaseDesk desk;
    @Autowired Scenarios scenarios;
    @Autowired RoleplaySessions sessions;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired Legends legends;

    long store;
    long otherStore;
    SignedInAssociate manager;
    SignedInAssociate played;
    SignedInAssociate customer;
    SignedInAssociate watcher;
    SignedInAssociate secondWatcher;
    SignedInAssociate otherManager;

    @BeforeEach
    void people() {
        clock.set(NOW);
        store = people.store("Training " + UUID.randomUUID());
        otherStore = people.store("Training other " + UUID.randomUUID());
        manager = people.person(Role.MANAGER, store);
        played = people.person(Role.ASSOCIATE, store);
        customer = people.person(Role.ASSOCIATE, store);
        watcher = people.person(Role.ASSOCIATE, store);
        secondWatcher = people.person(Role.ASSOCIATE, store);
        otherManager = people.person(Role.MANAGER, otherStore);
    }

    @Test
    void makesAScenarioFromACaseWithoutTheClientsIdentity() throws Exception {
        long client = book.add(new ClientDraft(store, null, "Hélène", "Lefebvre", "helene.lefebvre@example.org",
                "+33 6 12 34 56 78", new PostalAddress("12 rue des Lilas", "", "75011", "Paris", "", "FR"),
                Language.EN, "", List.of(), List.of(), "", null));
        long caseId = desk.open(new CaseDraft(store, client, manager.id(), Channel.IN_STORE,
                "Mrs Lefebvre's winter tires", null,
                "Hello, this is Hélène Lefebvre. I bought four tires for 480 dollars and want them back. "
                        + "Call me on 06 12 34 56 78 or write to Helene.Lefebvre@example.org; I live at 12 rue des Lilas."),
                Optional.of(store));
        desk.customerWrote(caseId, "Lefebvre again: my husband says Hélène never keeps receipts.");
        desk.note(caseId, Optional.of(store), manager.id(), "Internal: she is a good client");

        String page = mvc.perform(get("/training/scenarios/new").param("fromCase", "" + caseId).with(user(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContainIgnoringCase("Hélène").doesNotContainIgnoringCase("Helene")
                .doesNotContainIgnoringCase("Lefebvre").doesNotContain("12 34 56 78").doesNotContain("rue des Lilas")
                .doesNotContain("example.org").doesNotContain("Internal: she is a good client");
        assertThat(page).contains("the customer").contains("[phone]").contains("[e-mail]").contains("[address]")
                .contains("four tires for 480 dollars");
    }

    @Test
    void prefillsAScenarioFromALegendOfTheLibrary() throws Exception {
        Legend legend = legends.library(Language.EN, "").getFirst();

        String page = mvc.perform(get("/training/scenarios/new").param("fromLegend", "" + legend.id())
                        .with(user(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("value=\"LEGEND\"").contains("value=\"" + legend.id() + "\"");
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(page)).contains(legend.title())
                .contains(legend.lesson());
    }

    @Test
    void refusesACaseOfAnotherStoreAndAssociatesWhoMayNotWrite() throws Exception {
        long client = book.add(new ClientDraft(store, null, "Ann", "Other", null, null, PostalAddress.NONE,
                Language.EN, "", List.of(), List.of(), "", null));
        long caseId = desk.open(new CaseDraft(store, client, manager.id(), Channel.IN_STORE, "Boots", null, "Hi"),
                Optional.of(store));

        mvc.perform(get("/training/scenarios/new").param("fromCase", "" + caseId).with(user(otherManager)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/training/scenarios/new").with(user(played))).andExpect(status().isForbidden());
    }

    @Test
    void savesAHandWrittenScenarioWithItsRubric() throws Exception {
        mvc.perform(post("/training/scenarios").with(user(manager)).with(csrf())
                        .param("title", "Returned boots").param("situation", "A customer brings back boots.")
                        .param("customerPart", "You are upset.").param("goodLooksLike", "Take them back.")
                        .param("origin", "HAND")
                        .param("criteria[0].name", "Listening").param("criteria[0].atOne", "Interrupts")
                        .param("criteria[0].atFive", "Lets them finish")
                        .param("criteria[1].name", "").param("criteria[1].atOne", "").param("criteria[1].atFive", ""))
                .andExpect(status().is3xxRedirection());

        Scenario saved = scenarios.all().stream().filter(s -> s.storeId() != null && s.storeId() == store)
                .findFirst().orElseThrow();
        assertThat(saved.title()).isEqualTo("Returned boots");
        assertThat(saved.rubric()).containsExactly(new Criterion(1, "Listening", "Interrupts", "Lets them finish"));
    }

    @Test
    void everyoneReadsAScenarioButOnlyItsStoresManagerAndTheOwnerEditIt() throws Exception {
        long scenario = scenario();

        mvc.perform(get("/training/scenarios/" + scenario).with(user(otherManager))).andExpect(status().isOk());
        mvc.perform(get("/training/scenarios/" + scenario).with(user(played))).andExpect(status().isOk());
        mvc.perform(get("/training/scenarios/" + scenario + "/edit").with(user(manager))).andExpect(status().isOk());
        mvc.perform(get("/training/scenarios/" + scenario + "/edit").with(user(people.owner())))
                .andExpect(status().isOk());
        mvc.perform(get("/training/scenarios/" + scenario + "/edit").with(user(otherManager)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/training/scenarios/" + scenario).with(user(played)).with(csrf())
                        .param("title", "Taken over").param("situation", "s").param("customerPart", "c")
                        .param("goodLooksLike", "g").param("criteria[0].name", "n").param("criteria[0].atOne", "1")
                        .param("criteria[0].atFive", "5"))
                .andExpect(status().isNotFound());

        assertThat(scenarios.find(scenario).orElseThrow().title()).startsWith("Tires ");
    }

    @Test
    void refusesOnePersonInTwoPartsAndPeopleOfAnotherStore() throws Exception {
        long scenario = scenario();
        SignedInAssociate stranger = people.person(Role.ASSOCIATE, otherStore);

        String twoParts = mvc.perform(setUp(scenario, customer.id(), played.id(), played.id()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String otherStorePerson = mvc.perform(setUp(scenario, customer.id(), played.id(), stranger.id()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(twoParts).contains("The same person cannot play two parts in one session.");
        assertThat(otherStorePerson).contains("Everyone in the session must be an active associate of the store.");
        assertThat(jdbc.sql("select count(*) from training_session where store_id = :s").param("s", store)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aWatcherScoresEveryCriterionAndThePlayedAssociateOnlyReflects() throws Exception {
        long session = heldSession();

        mvc.perform(post("/training/sessions/" + session + "/feedback").with(user(watcher)).with(csrf())
                        .param("score1", "4").param("comment", "Good"))
                .andExpect(flash().attribute("problem", "training.feedback.outcome.INVALID"));
        mvc.perform(post("/training/sessions/" + session + "/feedback").with(user(watcher)).with(csrf())
                        .param("score1", "4").param("score2", "6").param("comment", "Good"))
                .andExpect(flash().attribute("problem", "training.feedback.outcome.INVALID"));
        mvc.perform(post("/training/sessions/" + session + "/feedback").with(user(watcher)).with(csrf())
                        .param("score1", "4").param("score2", "5").param("comment", "x".repeat(2001)))
                .andExpect(flash().attribute("problem", "training.feedback.outcome.INVALID"));
        mvc.perform(post("/training/sessions/" + session + "/feedback").with(user(watcher)).with(csrf())
                        .param("score1", "4").param("score2", "5").param("comment", "Listened well"))
                .andExpect(flash().attribute("saved", "training.feedback.saved"));
        mvc.perform(post("/training/sessions/" + session + "/feedback").with(user(played)).with(csrf())
                        .param("score1", "5").param("score2", "5").param("comment", "I was great"))
                .andExpect(flash().attribute("problem", "training.feedback.outcome.CANNOT_SCORE_THEMSELVES"));
        mvc.perform(post("/training/sessions/" + session + "/reflection").with(user(played)).with(csrf())
                        .param("reflection", "I should ask more questions."))
                .andExpect(flash().attribute("saved", "training.feedback.saved"));
        mvc.perform(post("/training/sessions/" + session + "/reflection").with(user(watcher)).with(csrf())
                        .param("reflection", "Not mine to write"))
                .andExpect(flash().attribute("problem", "training.feedback.outcome.NOT_THE_PLAYED_ASSOCIATE"));

        assertThat(sessions.feedbackOn(session)).singleElement().satisfies(f -> {
            assertThat(f.scorerId()).isEqualTo(watcher.id());
            assertThat(f.scores()).containsEntry(1, 4).containsEntry(2, 5);
            assertThat(f.comment()).isEqualTo("Listened well");
        });
        assertThat(sessions.find(session, manager).orElseThrow().reflection()).isEqualTo("I should ask more questions.");
        String playedSees = mvc.perform(get("/training/sessions/" + session).with(user(played)))
                .andReturn().getResponse().getContentAsString();
        assertThat(playedSees).contains("Listened well").doesNotContain("id=\"feedback-form\"");
    }

    @Test
    void aWatcherChangesTheirFeedbackUntilTheManagerClosesTheSession() throws Exception {
        long session = heldSession();
        give(session, watcher, 2, 2, "First go");
        give(session, watcher, 3, 4, "Second thoughts");
        mvc.perform(post("/training/sessions/" + session + "/close").with(user(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/training/sessions/" + session + "/feedback").with(user(watcher)).with(csrf())
                        .param("score1", "5").param("score2", "5").param("comment", "Too late"))
                .andExpect(flash().attribute("problem", "training.feedback.outcome.CLOSED"));

        assertThat(sessions.feedbackOn(session)).singleElement().satisfies(f -> {
            assertThat(f.scores()).containsEntry(1, 3).containsEntry(2, 4);
            assertThat(f.comment()).isEqualTo("Second thoughts");
        });
    }

    @Test
    void feedbackWaitsForTheDayOfTheSession() throws Exception {
        long session = sessions.setUp(new SessionDraft(scenario(), store, LocalDate.of(2026, 11, 20), customer.id(),
                played.id(), List.of(watcher.id())), manager);

        mvc.perform(post("/training/sessions/" + session + "/feedback").with(user(watcher)).with(csrf())
                        .param("score1", "4").param("score2", "4"))
                .andExpect(flash().attribute("problem", "training.feedback.outcome.NOT_YET_HELD"));
    }

    @Test
    void anotherStoresManagerAndOutsidersDoNotFindTheSessionOrTheProgress() throws Exception {
        long session = heldSession();
        SignedInAssociate colleague = people.person(Role.ASSOCIATE, store);

        mvc.perform(get("/training/sessions/" + session).with(user(otherManager))).andExpect(status().isNotFound());
        mvc.perform(get("/training/sessions/" + session).with(user(colleague))).andExpect(status().isNotFound());
        mvc.perform(post("/training/sessions/" + session + "/feedback").with(user(otherManager)).with(csrf())
                .param("score1", "1").param("score2", "1")).andExpect(status().isNotFound());
        mvc.perform(get("/training/progress/" + played.id()).with(user(otherManager))).andExpect(status().isNotFound());
        mvc.perform(get("/training/progress/" + played.id()).with(user(watcher))).andExpect(status().isNotFound());
        mvc.perform(get("/training/sessions/" + session).with(user(manager))).andExpect(status().isOk());
        mvc.perform(get("/training/sessions/" + session).with(user(secondWatcher))).andExpect(status().isOk());
        mvc.perform(get("/training/progress/" + played.id()).with(user(played))).andExpect(status().isOk());
        mvc.perform(get("/training/progress/" + played.id()).with(user(people.owner()))).andExpect(status().isOk());
    }

    @Test
    void aWatcherSeesOnlyTheirOwnFeedback() throws Exception {
        long session = heldSession();
        give(session, watcher, 4, 4, "Mine to read");
        give(session, secondWatcher, 2, 2, "Not for the other watcher");

        String page = mvc.perform(get("/training/sessions/" + session).with(user(watcher)))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Mine to read").doesNotContain("Not for the other watcher");
    }

    @Test
    void progressShowsTheMeanScoreOfEachSessionAndTheComments() throws Exception {
        long first = heldSession(LocalDate.of(2026, 11, 2));
        give(first, watcher, 2, 3, "Rushed the greeting");
        give(first, secondWatcher, 3, 2, null);
        long second = heldSession(LocalDate.of(2026, 11, 9));
        give(second, watcher, 4, 5, "Much calmer");
        give(second, customer, 5, 4, "I felt heard");
        sessions.setUp(new SessionDraft(scenario(), store, LocalDate.of(2026, 12, 1), customer.id(), played.id(),
                List.of(watcher.id())), manager);

        String page = mvc.perform(get("/training/progress/" + played.id()).with(user(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // (2+3+3+2)/4 = 2.5 and (4+5+5+4)/4 = 4.5; the December session has not been held
        assertThat(page).contains("<b id=\"sessions-done\">2</b>");
        assertThat(page).contains(">2.5<").contains(">4.5<");
        assertThat(page).contains("[2.5,4.5]");
        assertThat(page).contains("Rushed the greeting").contains("Much calmer").contains("I felt heard");
    }

    @Test
    void theProfileShowsTheTrainingSectionToThoseWhoMaySeeIt() throws Exception {
        long session = heldSession();
        give(session, watcher, 4, 3, "Fine");

        String own = mvc.perform(get("/people/" + played.id()).with(user(played)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String colleague = mvc.perform(get("/people/" + played.id()).with(user(watcher)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String watcherOwn = mvc.perform(get("/people/" + watcher.id()).with(user(watcher)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(own).contains("Roleplay training").contains("Sessions played").contains("mean 3.5/5")
                .contains("/training/progress/" + played.id());
        assertThat(colleague).contains("Sessions played").doesNotContain("mean 3.5/5")
                .doesNotContain("/training/progress/" + played.id());
        assertThat(watcherOwn).containsPattern("<b>1</b>\\s*<span>Sessions watched</span>");
    }

    // ---- helpers

    private long scenario() {
        return scenarios.create(new ScenarioDraft("Tires " + UUID.randomUUID(), "A customer returns tires.",
                "You want your money back.", "Refund on the spot.", ScenarioOrigin.HAND, null,
                List.of(new Criterion(1, "Listening", "Interrupts", "Lets them finish"),
                        new Criterion(2, "Solving", "Sends them away", "Solves it now"))), manager);
    }

    private long heldSession() {
        return heldSession(LocalDate.of(2026, 11, 15));
    }

    private long heldSession(LocalDate on) {
        return sessions.setUp(new SessionDraft(scenario(), store, on, customer.id(), played.id(),
                List.of(watcher.id(), secondWatcher.id())), manager);
    }

    private void give(long session, SignedInAssociate who, int first, int second, String comment) throws Exception {
        var request = post("/training/sessions/" + session + "/feedback").with(user(who)).with(csrf())
                .param("score1", "" + first).param("score2", "" + second);
        if (comment != null) {
            request.param("comment", comment);
        }
        mvc.perform(request).andExpect(flash().attribute("saved", "training.feedback.saved"));
    }

    private org.springframework.test.web.servlet.RequestBuilder setUp(long scenario, long customerPlayer,
                                                                      long associatePlayer, long watcherId) {
        return post("/training/sessions").with(user(manager)).with(csrf())
                .param("scenarioId", "" + scenario).param("storeId", "" + store).param("plannedOn", "2026-11-20")
                .param("customerPlayer", "" + customerPlayer).param("associatePlayer", "" + associatePlayer)
                .param("watchers", "" + watcherId);
    }
}
