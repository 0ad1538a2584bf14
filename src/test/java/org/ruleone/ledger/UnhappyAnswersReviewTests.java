package org.ruleone.ledger;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.ledger.internal.TooLittleReview;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The "too little" review lists a client's unhappy survey answer that nobody followed up (issue 11, item 5). */
@IntegrationTest
@Import(StandardsTestSupport.class)
class UnhappyAnswersReviewTests {

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired ClientBook book;
    @Autowired TooLittleReview review;

    /** An answer as stored by experience; written here directly, as if its follow-up had never been opened. */
    void answer(long store, Long client, long associate, String channel, int comeBack, String comment,
                Long followUp) {
        jdbc.sql("""
                insert into survey_answer (store_id, customer_id, associate_id, channel, come_back, comment, complete,
                                           started_at, answered_at, follow_up_case_id)
                values (:store, :client, :associate, :channel, :comeBack, :comment, true, :at, :at, :followUp)""")
                .param("store", store).param("client", client).param("associate", associate)
                .param("channel", channel).param("comeBack", comeBack).param("comment", comment)
                .param("at", Timestamp.from(clock.instant())).param("followUp", followUp).update();
    }

    @Test
    void listsUnhappyAnswersOfClientsThatNobodyFollowedUp() throws Exception {
        people.owner();
        clock.set(Instant.parse("2026-11-20T12:00:00Z"));
        long store = StandardsTestSupport.storeClosedOnSunday(organization);
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        SignedInAssociate anna = people.person(Role.ASSOCIATE, store);
        long hanna = StandardsTestSupport.client(book, store, "Hanna", "Kowalska");
        answer(store, hanna, anna.id(), "CASE_RESOLVED", 2, "Nobody called back", null);
        answer(store, hanna, anna.id(), "PURCHASE", 3, "Followed up already", 999_999L);
        answer(store, hanna, anna.id(), "IMPORT", 0, "Imported from the old tool", null);
        answer(store, null, anna.id(), "IN_STORE", 1, "Anonymous grumble", null);
        answer(store, hanna, anna.id(), "PURCHASE", 9, "Happy", null);

        assertThat(review.unhappyWithoutFollowUp(Instant.parse("2026-11-01T00:00:00Z"), java.util.Optional.of(store)))
                .extracting(TooLittleReview.UnhappyAnswer::comment).containsExactly("Nobody called back");
        mvc.perform(get("/service/reports/review").param("store", "" + store).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Unhappy survey answers with no follow-up"),
                        containsString("Nobody called back"), containsString("Hanna Kowalska"),
                        containsString("2/10"), not(containsString("Followed up already")),
                        not(containsString("Imported from the old tool")), not(containsString("Anonymous grumble")))));
    }
}
