package org.ruleone.experience;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.experience.internal.SurveyTokens;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.AuthorKind;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.Channel;
import org.ruleone.service.ServiceCase;
import org.ruleone.shared.Language;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.awaitility.Awaitility.await;
import static org.ruleone.standards.StandardsTestSupport.WARSAW;

/** Closing the loop (issue 11, item 5): an unhappy answer opens a follow-up case at once, for whoever can call. */
@IntegrationTest
@RecordApplicationEvents
@Import(StandardsTestSupport.class)
class FollowUpTests {

    /** A Monday, 11:00 in Warsaw: the store (open 10:00–18:00, Monday to Saturday) is open. */
    static final Instant MONDAY_11 = LocalDateTime.parse("2026-11-16T11:00").atZone(WARSAW).toInstant();

    @Autowired SurveyAnswers answers;
    @Autowired CaseDesk desk;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired SurveyTokens tokens;
    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired ClientBook book;
    @Autowired ApplicationEvents events;
    @Autowired MockMvc mvc;

    SurveyFixtures surveys;
    long store;
    long client;
    SignedInAssociate manager;
    SignedInAssociate anna;

    @BeforeEach
    void aStoreWithAManagerAnAssociateAndAClient() {
        surveys = new SurveyFixtures(jdbc, tokens);
        people.owner();
        store = StandardsTestSupport.storeClosedOnSunday(organization);
        manager = people.person(Role.MANAGER, store);
        anna = people.person(Role.ASSOCIATE, store);
        client = StandardsTestSupport.client(book, store, "Hanna", "Kowalska");
        clock.set(MONDAY_11);
    }

    long answered(Integer comeBack, Integer satisfaction, String comment) {
        var sent = surveys.sent(store, client, anna.id(), "CASE_RESOLVED", null, "en", clock.instant());
        assertThat(answers.answer(sent.token(), store, new SurveyReply(comeBack, satisfaction, comment), true,
                Language.EN)).isEqualTo(SurveyAnswers.Outcome.COMPLETED);
        return surveys.answerOf(sent.invitationId()).orElseThrow().id();
    }

    ServiceCase followUpOf(long answerId) {
        long caseId = await().atMost(Duration.ofSeconds(20)).until(() -> surveys.followUpOf(answerId), Optional::isPresent)
                .orElseThrow();
        return desk.find(caseId, Optional.empty()).orElseThrow();
    }

    @Test
    void opensAFollowUpCaseForTheAssociateWhoServedWithTheAnswerQuotedDueWithinABusinessDay() {
        long answer = answered(3, 2, "Nobody called me back about the zip.");

        ServiceCase followUp = followUpOf(answer);

        assertThat(followUp.channel()).isEqualTo(Channel.SURVEY);
        assertThat(followUp.ownerId()).isEqualTo(anna.id());
        assertThat(followUp.customerId()).isEqualTo(client);
        assertThat(followUp.subject()).contains("3/10").contains("2/5");
        assertThat(followUp.messages()).singleElement().satisfies(m -> {
            assertThat(m.author()).isEqualTo(AuthorKind.CUSTOMER);
            assertThat(m.body()).contains("“Nobody called me back about the zip.”").contains("3/10").contains("2/5");
        });
        // "Contact within 1 business day": opened Monday 11:00, due Tuesday 11:00 (the store is open 8 hours a day).
        Instant due = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select first_response_due from case_clock where case_id = :id").param("id", followUp.id())
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant), Optional::isPresent)
                .orElseThrow();
        assertThat(due).isEqualTo(LocalDateTime.parse("2026-11-17T11:00").atZone(WARSAW).toInstant());
    }

    @Test
    void givesTheFollowUpToTheStoresManagerWhenTheAssociateWhoServedHasLeft() {
        organization.deactivate(anna.id());

        ServiceCase followUp = followUpOf(answered(null, 1, null));

        assertThat(followUp.ownerId()).isEqualTo(manager.id());
        assertThat(followUp.messages().getFirst().body()).contains("1/5").contains("No comment.");
    }

    @Test
    void opensNoFollowUpForAHappyAnswerNorAnImportedOne() {
        long happy = answered(9, 4, "Great help");
        long passive = answered(7, 3, null);
        long imported = answers.record(new SurveyAnswers.RecordedAnswer(store, client, anna.id(), SurveyChannel.IMPORT,
                Language.EN, 0, 1, "Imported detractor", null, null, clock.instant()));
        long unhappy = answered(6, null, "Meh");

        followUpOf(unhappy);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select count(*) from event_publication
                 where completion_date is null and event_type like '%SurveyAnswered'""").query(Long.class).single() == 0);

        assertThat(surveys.followUpOf(happy)).isEmpty();
        assertThat(surveys.followUpOf(passive)).isEmpty();
        assertThat(surveys.followUpOf(imported)).isEmpty();
        assertThat(events.stream(SurveyAnswered.class)).extracting(SurveyAnswered::answerId)
                .containsExactly(happy, passive, unhappy);
    }

    @Test
    void theFollowUpCaseLinksBackToItsAnswerForThoseWhoMaySeeTheStore() throws Exception {
        ServiceCase followUp = followUpOf(answered(2, null, "The fitting room was a mess."));

        mvc.perform(get("/cases/{id}", followUp.id()).with(user(anna))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/experience/follow-ups/" + followUp.id())));
        String day = java.time.LocalDate.ofInstant(MONDAY_11, WARSAW).toString();
        String figures = "/experience?store=" + store + "&by=WEEK&from=" + day + "&to=" + day;
        mvc.perform(get("/experience/follow-ups/{id}", followUp.id()).with(user(anna)))
                .andExpect(redirectedUrl(figures + "#follow-ups-title"));
        mvc.perform(get(figures).with(user(anna))).andExpect(status().isOk())
                .andExpect(content().string(containsString("The fitting room was a mess.")))
                .andExpect(content().string(containsString("/cases/" + followUp.id())));

        SignedInAssociate elsewhere = people.person(Role.MANAGER, people.store("Elsewhere " + System.nanoTime()));
        mvc.perform(get("/experience/follow-ups/{id}", followUp.id()).with(user(elsewhere)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/experience/follow-ups/{id}", Long.MAX_VALUE).with(user(anna)))
                .andExpect(status().isNotFound());
    }
}
