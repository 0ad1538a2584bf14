package org.ruleone.experience.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The survey figures as each role sees them, on answers written straight into the tables: a store in Warsaw with
 * 10 complete answers in March 2025 (5 promoters, 2 passives, 3 detractors: score +20, interval −34 … +74), 2
 * answers started and not finished, and 20 invitations of which 10 were answered; another store with its own.
 */
@IntegrationTest
class SurveyFiguresIntegrationTests {

    private static final String MARCH = "from=2025-03-01&to=2025-03-31&by=MONTH";
    private static final String FORMULA = "=cmd|' /C calc'!A0";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceFixtures fixtures;
    @Autowired TestPeople people;
    @Autowired org.ruleone.service.CaseDesk desk;

    long store;
    long otherStore;
    SignedInAssociate manager;
    SignedInAssociate associate;
    SignedInAssociate otherAssociate;
    SignedInAssociate owner;
    long followUpCase;
    long otherFollowUpCase;

    @BeforeEach
    void twoStoresWithAnswersInMarch() {
        owner = people.owner();
        store = fixtures.store("Survey Warsaw", "PL", ZoneId.of("Europe/Warsaw"));
        otherStore = fixtures.store("Survey Lyon", "FR", ZoneId.of("Europe/Paris"));
        manager = fixtures.person(Role.MANAGER, store, Language.EN);
        associate = fixtures.associate(store);
        otherAssociate = fixtures.associate(otherStore);
        followUpCase = fixtures.openCase(manager, store, fixtures.client(store, "Zofia", "Nowak", Language.PL),
                "Survey follow-up", "Came back with 2.");
        otherFollowUpCase = fixtures.openCase(otherAssociate, otherStore,
                fixtures.client(otherStore, "Hélène", "Fauré", Language.FR), "Suivi d'enquête", "Note 1.");

        for (int i = 0; i < 5; i++) {
            answer(store, associate.id(), 10, 5, i == 0 ? "Lovely shop, will be back" : null, true, null, "2025-03-0" + (i + 1));
        }
        answer(store, associate.id(), 8, 4, "Fine, nothing special", true, null, "2025-03-10");
        answer(store, associate.id(), 7, 3, null, true, null, "2025-03-11");
        answer(store, associate.id(), 2, 1, FORMULA, true, followUpCase, "2025-03-20");
        answer(store, associate.id(), 0, 2, "Rude and slow", true, null, "2025-03-21");
        answer(store, associate.id(), 6, null, null, true, null, "2025-03-22");
        answer(store, associate.id(), 0, null, "Half-done never counts", false, null, "2025-03-23");
        answer(store, null, 1, null, null, false, null, "2025-03-24");
        // Counted on its Warsaw day: 31 March 23:30 UTC is already 1 April in Warsaw.
        jdbc.sql("""
                insert into survey_answer (store_id, channel, come_back, complete, started_at, answered_at)
                values (:store, 'IN_STORE', 0, true, :at, :at)""")
                .param("store", store).param("at", Timestamp.from(Instant.parse("2025-03-31T23:30:00Z"))).update();
        for (int i = 0; i < 20; i++) {
            jdbc.sql("""
                    insert into survey_invitation (store_id, associate_id, trigger, language, status, due_at, sent_at,
                                                   created_at)
                    values (:store, :associate, 'CASE_RESOLVED', 'pl', :status, :at, :at, :at)""")
                    .param("store", store).param("associate", associate.id())
                    .param("status", i < 10 ? "COMPLETED" : "SENT")
                    .param("at", Timestamp.from(Instant.parse("2025-03-15T10:00:00Z"))).update();
        }
        answer(otherStore, otherAssociate.id(), 1, 1, "Secret of the Lyon store", true, otherFollowUpCase, "2025-03-12");
    }

    private void answer(long storeId, Long associateId, Integer comeBack, Integer satisfaction, String comment,
                        boolean complete, Long followUp, String day) {
        Timestamp at = Timestamp.from(Instant.parse(day + "T12:00:00Z"));
        jdbc.sql("""
                insert into survey_answer (store_id, associate_id, channel, come_back, satisfaction, comment, complete,
                                           started_at, answered_at, follow_up_case_id)
                values (:store, :associate, 'CASE_RESOLVED', :comeBack, :satisfaction, :comment, :complete, :at, :at,
                        :followUp)""")
                .param("store", storeId).param("associate", associateId).param("comeBack", comeBack)
                .param("satisfaction", satisfaction).param("comment", comment).param("complete", complete)
                .param("at", at).param("followUp", followUp).update();
    }

    private String csv(String export, String query, SignedInAssociate who) throws Exception {
        return mvc.perform(get("/experience/" + export + ".csv?" + query).with(user(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder page(SignedInAssociate who, String query) {
        return get("/experience?" + query).with(user(who));
    }

    @Test
    void showsTheManagerTheScoreWithItsIntervalResponseRateAndSatisfaction() throws Exception {
        mvc.perform(page(manager, MARCH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"responses\">10<"),
                        containsString("id=\"partial\">2<"),
                        containsString("id=\"response-rate\">50 %<"),
                        containsString("id=\"score\">+20<"),
                        containsString("95% interval: −34 … +74 (n = 10)"),
                        // satisfaction given by 9 of the 10: 5, 5, 5, 5, 5, 4 of them are 4–5
                        containsString("id=\"satisfied\">67 %<"),
                        containsString("Only 10 answers to &quot;will you come back?&quot;: too few"),
                        containsString("data-survey-chart="))));
    }

    @Test
    void leavesPartialAnswersOutOfTheResponsesAndTheScore() throws Exception {
        String csv = csv("figures", MARCH, manager);

        assertThat(csv.lines()).contains("2025-03-01,10,2,20,10,50.0,5,2,3,20.0,-34.0,74.0,9,66.7");
    }

    @Test
    void countsAnAnswerOnTheDayOfItsStoresTimeZone() throws Exception {
        String csv = csv("figures", "from=2025-03-01&to=2025-04-30&by=MONTH", manager);

        assertThat(csv.lines()).contains("2025-04-01,1,0,0,0,,0,0,1,-100.0,-100.0,-100.0,0,");
    }

    @Test
    void showsTheFollowUpCasesWithTheirStatusRead() throws Exception {
        mvc.perform(page(manager, MARCH))
                .andExpect(content().string(allOf(
                        containsString("href=\"/cases/" + followUpCase + "\""),
                        containsString("Case " + followUpCase),
                        containsString(">Open<"),
                        not(containsString("/cases/" + otherFollowUpCase + "\"")))));
    }

    @Test
    void showsAnAssociateTheirOwnStoreOnlyAndTheMenuEntry() throws Exception {
        mvc.perform(page(associate, MARCH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/experience\""),
                        containsString("Rude and slow"),
                        not(containsString("Secret of the Lyon store")))));
    }

    @Test
    void showsTheOwnerEveryStoreOrOne() throws Exception {
        mvc.perform(page(owner, MARCH))
                .andExpect(content().string(allOf(containsString("Rude and slow"),
                        containsString("Secret of the Lyon store"))));
        mvc.perform(page(owner, MARCH + "&store=" + otherStore))
                .andExpect(content().string(allOf(not(containsString("Rude and slow")),
                        containsString("Secret of the Lyon store"))));
    }

    @Test
    void refusesAnotherStoresIdInEveryParameter() throws Exception {
        String other = MARCH + "&store=" + otherStore;
        for (String path : new String[] {"/experience", "/experience/figures.csv", "/experience/comments.csv"}) {
            mvc.perform(get(path + "?" + other).with(user(manager))).andExpect(status().isNotFound());
            mvc.perform(get(path + "?" + other).with(user(associate))).andExpect(status().isNotFound());
            mvc.perform(get(path + "?" + MARCH + "&associate=" + otherAssociate.id()).with(user(manager)))
                    .andExpect(status().isNotFound());
        }
        // The owner may look at either store, but not at one store's associate in another store's figures.
        mvc.perform(get("/experience?" + MARCH + "&store=" + store + "&associate=" + otherAssociate.id())
                .with(user(owner))).andExpect(status().isNotFound());
    }

    @Test
    void filtersCommentsByScoreBandAndWord() throws Exception {
        mvc.perform(page(manager, MARCH + "&band=PROMOTER"))
                .andExpect(content().string(allOf(containsString("Lovely shop, will be back"),
                        not(containsString("Rude and slow")), not(containsString("Half-done never counts")))));
        mvc.perform(page(manager, MARCH + "&band=DETRACTOR&word=rude"))
                .andExpect(content().string(allOf(containsString("Rude and slow"),
                        not(containsString("Lovely shop")), not(containsString("Fine, nothing special")))));
    }

    @Test
    void neutralisesFormulaLookingCommentsInTheCsvExport() throws Exception {
        String csv = csv("comments", MARCH, manager);

        assertThat(csv).contains(",\"'=cmd|' /C calc'!A0\",");
        assertThat(csv).doesNotContain(",=cmd").doesNotContain("Half-done never counts")
                .doesNotContain("Secret of the Lyon store");
        assertThat(csv.lines().skip(1)).hasSize(4);
    }

    @Test
    void countsAnAssociatesFiguresFromTheirOwnAnswersAndInvitations() throws Exception {
        String csv = csv("figures", MARCH + "&associate=" + associate.id(), manager);

        // the anonymous partial answer is the store's, not the associate's
        assertThat(csv.lines()).contains("2025-03-01,10,1,20,10,50.0,5,2,3,20.0,-34.0,74.0,9,66.7");
    }

    @Test
    void countsAChannelsFiguresOnTheStoresDays() throws Exception {
        String csv = csv("figures", "from=2025-03-01&to=2025-04-30&channel=IN_STORE", manager);

        assertThat(csv.lines().skip(1)).containsExactly("2025-04-01,1,0,0,0,,0,0,1,-100.0,-100.0,-100.0,0,");
    }

    @Test
    void followsAnswersAsTheyAreCompletedChangedAndRemoved() throws Exception {
        jdbc.sql("update survey_answer set complete = true, satisfaction = 5 where store_id = :store and come_back = 0"
                        + " and not complete")
                .param("store", store).update();
        jdbc.sql("update survey_answer set come_back = 10 where store_id = :store and come_back = 6")
                .param("store", store).update();
        jdbc.sql("delete from survey_answer where store_id = :store and come_back = 1 and not complete")
                .param("store", store).update();
        jdbc.sql("update survey_invitation set status = 'COMPLETED' where id = (select min(id) from survey_invitation"
                        + " where store_id = :store and status = 'SENT')")
                .param("store", store).update();

        String csv = csv("figures", MARCH, manager);

        // 11 complete: 6 promoters, 2 passives, 3 detractors (2, 0, 0); satisfaction 10 of which 7 are 4–5
        assertThat(csv.lines()).contains("2025-03-01,11,0,20,11,55.0,6,2,3,27.3,-23.7,78.2,10,70.0");
    }

    @Test
    void countsEveryStoreForTheOwnerAsTheAnswersThemselvesAdd() throws Exception {
        jdbc.sql("update survey_answer set complete = true where store_id = :store and not complete")
                .param("store", store).update();

        String chain = csv("figures", MARCH, owner).lines().filter(l -> l.startsWith("2025-03-01,")).findFirst()
                .orElseThrow();

        String fromAnswers = jdbc.sql("""
                select concat_ws(',', count(*) filter (where complete), count(*) filter (where not complete),
                                 count(*) filter (where complete and come_back >= 9),
                                 count(*) filter (where complete and come_back between 7 and 8),
                                 count(*) filter (where complete and come_back <= 6))
                  from survey_answer where answered_on between '2025-03-01' and '2025-03-31'""")
                .query(String.class).single();
        String[] cells = chain.split(",");
        assertThat(String.join(",", cells[1], cells[2], cells[6], cells[7], cells[8])).isEqualTo(fromAnswers);
    }

    @Test
    void readsTheFollowUpsStatusesOnlyWithinTheAskersStore() {
        assertThat(desk.statuses(java.util.List.of(followUpCase, otherFollowUpCase), java.util.Optional.of(store)))
                .containsExactly(java.util.Map.entry(followUpCase, org.ruleone.service.CaseStatus.OPEN));
        assertThat(desk.statuses(java.util.List.of(followUpCase, otherFollowUpCase), java.util.Optional.empty()))
                .containsOnlyKeys(followUpCase, otherFollowUpCase);
    }
}
