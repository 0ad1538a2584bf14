package org.ruleone.experience;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.experience.internal.SurveyTokens;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
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
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The page a client answers through the link in their invitation, without signing in (issue 11, item 4). */
@IntegrationTest
@RecordApplicationEvents
@Import(StandardsTestSupport.class)
class SurveyPageTests {

    static final Instant SENT = Instant.parse("2026-11-17T10:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired SurveyTokens tokens;
    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired ClientBook book;
    @Autowired ApplicationEvents events;

    SurveyFixtures surveys;
    long store;
    long otherStore;
    long client;
    SignedInAssociate anna;
    String storeName;

    @BeforeEach
    void aStoreAClientAndTheirInvitation() {
        surveys = new SurveyFixtures(jdbc, tokens);
        people.owner();
        store = StandardsTestSupport.storeClosedOnSunday(organization);
        otherStore = StandardsTestSupport.storeClosedOnSunday(organization);
        storeName = organization.store(store).orElseThrow().name();
        anna = people.person(Role.ASSOCIATE, store);
        client = StandardsTestSupport.client(book, store, "Hanna", "Kowalska");
        clock.set(SENT.plus(Duration.ofHours(2)));
    }

    SurveyFixtures.Sent polishInvitationAfterACase() {
        return surveys.sent(store, client, anna.id(), "CASE_RESOLVED", null, "pl", SENT);
    }

    @Test
    void showsTheSurveyInTheInvitationsLanguageWithTheStoreNameAndTheHelpGot() throws Exception {
        var sent = polishInvitationAfterACase();

        mvc.perform(get("/survey/" + sent.token()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html lang=\"pl\""),
                        containsString("Jak bardzo prawdopodobne jest, że wrócisz do " + storeName + "?"),
                        containsString("Jak bardzo jesteś zadowolony z pomocy, którą otrzymałeś?"),
                        containsString("name=\"comeBack\""), containsString("value=\"send\""))));
    }

    @Test
    void asksAboutTheVisitAfterAPurchase() throws Exception {
        var sent = surveys.sent(store, client, anna.id(), "PURCHASE", null, "en", SENT);

        mvc.perform(get("/survey/" + sent.token()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("How satisfied are you with your visit?"),
                        not(containsString("the help you got")))));
    }

    @Test
    void keepsEachAnswerAsGivenSoAHalfDoneSurveyResumesAndCountsAsPartial() throws Exception {
        var sent = polishInvitationAfterACase();

        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("comeBack", "7").param("store", "" + store)
                        .param("action", "save"))
                .andExpect(redirectedUrl("/survey/" + sent.token() + "?saved"));

        assertThat(surveys.answerOf(sent.invitationId())).get()
                .satisfies(a -> {
                    assertThat(a.comeBack()).isEqualTo(7);
                    assertThat(a.satisfaction()).isNull();
                    assertThat(a.complete()).isFalse();
                    assertThat(a.channel()).isEqualTo("CASE_RESOLVED");
                    assertThat(a.customerId()).isEqualTo(client);
                    assertThat(a.associateId()).isEqualTo(anna.id());
                    assertThat(a.wordingId()).isNotNull();
                });
        assertThat(surveys.status(sent.invitationId())).isEqualTo("PARTIAL");
        assertThat(events.stream(SurveyAnswered.class)).isEmpty();

        clock.advance(Duration.ofDays(2));
        mvc.perform(get("/survey/" + sent.token()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"7\" aria-describedby=\"come-back-ends\" checked")));
        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("satisfaction", "4").param("action", "save")
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Zapisano.")));
        assertThat(surveys.answerOf(sent.invitationId())).get()
                .satisfies(a -> assertThat(a.comeBack()).isEqualTo(7))
                .satisfies(a -> assertThat(a.satisfaction()).isEqualTo(4))
                .satisfies(a -> assertThat(a.complete()).isFalse());
    }

    @Test
    void isUsedUpWhenSentAndASecondSendShowsThanksAndStoresNothing() throws Exception {
        var sent = polishInvitationAfterACase();

        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("comeBack", "9").param("satisfaction", "5")
                        .param("comment", "Bardzo miła obsługa").param("action", "send"))
                .andExpect(redirectedUrl("/survey/" + sent.token()));
        mvc.perform(get("/survey/" + sent.token()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dziękujemy"), not(containsString("name=\"comeBack\"")))));
        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("comeBack", "0").param("comment", "Changed")
                        .param("action", "send"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dziękujemy")));

        assertThat(surveys.answerOf(sent.invitationId())).get()
                .satisfies(a -> assertThat(a.comeBack()).isEqualTo(9))
                .satisfies(a -> assertThat(a.comment()).isEqualTo("Bardzo miła obsługa"))
                .satisfies(a -> assertThat(a.complete()).isTrue())
                .satisfies(a -> assertThat(a.language()).isEqualTo("pl"));
        assertThat(surveys.status(sent.invitationId())).isEqualTo("COMPLETED");
        assertThat(events.stream(SurveyAnswered.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.channel()).isEqualTo(SurveyChannel.CASE_RESOLVED);
                    assertThat(e.comeBack()).isEqualTo(9);
                    assertThat(e.associateId()).isEqualTo(anna.id());
                    assertThat(e.unhappy()).isFalse();
                });
    }

    @Test
    void showsAClosedPageOnceTheSurveyExpiredAndKeepsNothing() throws Exception {
        var sent = polishInvitationAfterACase();
        clock.set(SENT.plus(Duration.ofDays(30)));

        mvc.perform(get("/survey/" + sent.token()))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Ankieta jest zamknięta")));
        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("comeBack", "3").param("action", "send"))
                .andExpect(status().isGone());

        assertThat(surveys.answerOf(sent.invitationId())).isEmpty();
    }

    @Test
    void refusesAnAnswerSentFromAnotherStoresPage() throws Exception {
        var sent = polishInvitationAfterACase();

        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("comeBack", "2").param("store", "" + otherStore)
                        .param("action", "send"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ankieta innego sklepu")));
        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("comeBack", "2").param("store", "x1")
                        .param("action", "send"))
                .andExpect(status().isBadRequest());

        assertThat(surveys.answerOf(sent.invitationId())).isEmpty();
        assertThat(surveys.status(sent.invitationId())).isEqualTo("SENT");
    }

    @Test
    void refusesAScoreOfElevenAndATenThousandCharacterCommentKeepingWhatWasTyped() throws Exception {
        var sent = surveys.sent(store, client, anna.id(), "CASE_RESOLVED", null, "en", SENT);

        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("comeBack", "11").param("comment", "Kept text")
                        .param("action", "send"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("a number from 0 to 10"),
                        containsString("Kept text"))));
        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("satisfaction", "zero").param("action", "save"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("a choice from 1 to 5")));
        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("comeBack", "5")
                        .param("comment", "x".repeat(10_000)).param("action", "send"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at most 2000 characters")));
        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("action", "send"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Answer at least one question")));

        assertThat(surveys.answerOf(sent.invitationId())).isEmpty();
        assertThat(surveys.status(sent.invitationId())).isEqualTo("SENT");
    }

    @Test
    void startsNoAnswerWhenSaveIsPressedWithNothingGiven() throws Exception {
        var sent = polishInvitationAfterACase();

        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("comment", "").param("action", "save"))
                .andExpect(status().is3xxRedirection());

        assertThat(surveys.answerOf(sent.invitationId())).isEmpty();
        assertThat(surveys.status(sent.invitationId())).isEqualTo("SENT");
    }

    @Test
    void saysALinkWithAMissingOrGarbledTokenIsNotValid() throws Exception {
        var sent = polishInvitationAfterACase();
        String garbled = sent.token().substring(0, 42) + (sent.token().endsWith("A") ? "B" : "A");

        mvc.perform(get("/survey/" + garbled).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This survey link is not valid")));
        mvc.perform(get("/survey/not-a-token")).andExpect(status().isNotFound());
        mvc.perform(get("/survey/")).andExpect(status().isNotFound());
        mvc.perform(post("/survey/" + garbled).with(csrf()).param("comeBack", "1").param("action", "send"))
                .andExpect(status().isNotFound());

        assertThat(surveys.answerOf(sent.invitationId())).isEmpty();
    }

    @Test
    void keepsTheLanguageTheClientSwitchedTo() throws Exception {
        var sent = polishInvitationAfterACase();

        jakarta.servlet.http.Cookie[] session = mvc.perform(get("/survey/" + sent.token()).param("lang", "fr"))
                .andExpect(content().string(containsString("Quelle est la probabilité que vous reveniez chez")))
                .andReturn().getResponse().getCookies();
        mvc.perform(get("/survey/" + sent.token()).cookie(session))
                .andExpect(content().string(containsString("<html lang=\"fr\"")));
        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("comeBack", "8").param("action", "save")
                        .cookie(session))
                .andExpect(status().is3xxRedirection());

        assertThat(surveys.answerOf(sent.invitationId())).map(SurveyFixtures.StoredAnswer::language).contains("fr");
    }
}
