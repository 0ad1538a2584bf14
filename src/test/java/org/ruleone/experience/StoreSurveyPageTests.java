package org.ruleone.experience;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.experience.internal.StoreSurveyLinks;
import org.ruleone.experience.internal.SurveyTokens;
import org.ruleone.organization.Organization;
import org.ruleone.platform.SignedLinks;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A store's own survey page, reached from its QR poster: not single-use, throttled, anonymous by default. */
@IntegrationTest
@Import(StandardsTestSupport.class)
class StoreSurveyPageTests {

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired SurveyTokens tokens;
    @Autowired StoreSurveyLinks links;
    @Autowired SignedLinks signedLinks;
    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired ClientBook book;
    @Autowired SurveyRuleBook ruleBook;

    SurveyFixtures surveys;
    long store;
    long otherStore;
    String link;
    String address;

    @BeforeEach
    void aStoreAndItsPoster() {
        surveys = new SurveyFixtures(jdbc, tokens);
        people.owner();
        clock.set(Instant.parse("2026-11-18T12:00:00Z"));
        store = StandardsTestSupport.storeClosedOnSunday(organization);
        otherStore = StandardsTestSupport.storeClosedOnSunday(organization);
        link = links.token(store);
        address = "203.0.113." + (store % 250);
    }

    RequestPostProcessor from(String remote) {
        return request -> {
            request.setRemoteAddr(remote);
            return request;
        };
    }

    MockHttpServletRequestBuilder answer(String comeBack, String satisfaction) {
        return post("/survey/store/" + link).with(csrf()).with(from(address)).param("comeBack", comeBack)
                .param("satisfaction", satisfaction).param("store", "" + store).param("website", "");
    }

    @Test
    void keepsAnAnonymousAnswerAndStaysOpenForTheNextCustomer() throws Exception {
        mvc.perform(get("/survey/store/" + link))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(organization.store(store).orElseThrow().name()),
                        containsString("How satisfied are you with your visit?"), containsString("name=\"email\""),
                        containsString("name=\"website\""))));

        mvc.perform(answer("9", "5").param("comment", "Lovely shop"))
                .andExpect(redirectedUrl("/survey/store/" + link + "/thanks"));
        mvc.perform(answer("4", "3")).andExpect(redirectedUrl("/survey/store/" + link + "/thanks"));
        mvc.perform(get("/survey/store/" + link + "/thanks")).andExpect(content().string(containsString("Thank you")));

        assertThat(surveys.answersOfStore(store)).hasSize(2).allSatisfy(a -> {
            assertThat(a.channel()).isEqualTo("IN_STORE");
            assertThat(a.customerId()).isNull();
            assertThat(a.associateId()).isNull();
            assertThat(a.complete()).isTrue();
        });
        assertThat(surveys.answersOfStore(store).getFirst().comment()).isEqualTo("Lovely shop");
    }

    @Test
    void findsOrAddsTheClientWhoTypesTheirEmail() throws Exception {
        String email = "ewa." + store + "@example.com";

        mvc.perform(answer("8", "4").param("email", "  " + email + " "))
                .andExpect(redirectedUrl("/survey/store/" + link + "/thanks"));
        mvc.perform(answer("6", "4").param("email", email.toUpperCase()))
                .andExpect(redirectedUrl("/survey/store/" + link + "/thanks"));
        mvc.perform(answer("6", "4").param("email", "not an address"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("does not look right")));

        long client = book.find(store, ClientBook.Contact.email(email)).orElseThrow();
        assertThat(surveys.answersOfStore(store)).extracting(SurveyFixtures.StoredAnswer::customerId)
                .containsExactly(client, client);
    }

    @Test
    void limitsHowManyAnswersOneAddressSendsAnHour() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(answer("7", "4")).andExpect(status().is3xxRedirection());
        }
        mvc.perform(answer("0", "1"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many answers")));
        assertThat(surveys.answersOfStore(store)).hasSize(10);

        address = "198.51.100." + (store % 250);
        mvc.perform(answer("7", "4")).andExpect(status().is3xxRedirection());
        assertThat(surveys.answersOfStore(store)).hasSize(11);

        address = "203.0.113." + (store % 250);
        clock.advance(Duration.ofHours(1));
        mvc.perform(answer("7", "4")).andExpect(status().is3xxRedirection());
        assertThat(surveys.answersOfStore(store)).hasSize(12);
    }

    @Test
    void thanksARobotThatFillsTheHiddenFieldAndKeepsNothing() throws Exception {
        mvc.perform(answer("0", "1").param("website", "http://spam.example").param("comment", "Buy now"))
                .andExpect(redirectedUrl("/survey/store/" + link + "/thanks"));

        assertThat(surveys.answersOfStore(store)).isEmpty();
    }

    @Test
    void saysTheSurveyHasClosedWhenTheStoreSwitchedInStoreSurveysOff() throws Exception {
        SurveyRules on = SurveyRules.defaults(store);
        ruleBook.save(new SurveyRules(store, on.afterCase(), on.afterCaseDelayHours(), on.afterPurchase(),
                on.afterPurchaseDelayHours(), false, on.cooldownDays(), on.quietFrom(), on.quietUntil(),
                on.reminders(), on.reminderAfterDays(), on.expiryDays()), people.owner().id());

        mvc.perform(get("/survey/store/" + link))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("This survey has closed")));
        mvc.perform(answer("3", "2")).andExpect(status().isGone());

        assertThat(surveys.answersOfStore(store)).isEmpty();
    }

    @Test
    void refusesAnotherStoresPageAndLinksNotSignedForThisPage() throws Exception {
        mvc.perform(answer("2", "2").param("store", "" + otherStore))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("another store")));
        String invitationToken = surveys.sent(store, null, null, "IN_STORE", null, "en", clock.instant()).token();
        String otherPurpose = signedLinks.sign(new SignedLinks.Purpose("campaign-rsvp"), "" + store,
                clock.instant().plus(Duration.ofDays(1)));
        for (String wrong : new String[] {invitationToken, otherPurpose, link.substring(0, link.length() - 2) + "xx"}) {
            mvc.perform(get("/survey/store/" + wrong)).andExpect(status().isNotFound());
            mvc.perform(post("/survey/store/" + wrong).with(csrf()).with(from(address)).param("comeBack", "1"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(answer("12", "4"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("a number from 0 to 10")));

        assertThat(surveys.answersOfStore(store)).isEmpty();
        assertThat(surveys.answersOfStore(otherStore)).isEmpty();
    }
}
