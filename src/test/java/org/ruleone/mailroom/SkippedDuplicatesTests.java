package org.ruleone.mailroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.mailroom.internal.InboundRouter;
import org.ruleone.mailroom.internal.InboundRouter.Outcome;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Mail the mailroom does not file as a customer's: a copy of mail already filed, and an old-style bounce. */
@IntegrationTest
@AutoConfigureMockMvc
class SkippedDuplicatesTests extends MailroomTestSupport {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired InboundRouter router;
    @Autowired JdbcClient jdbc;

    SignedInAssociate owner;
    long store;

    @BeforeEach
    void anOwnerAndAStore() {
        owner = people.owner();
        store = people.store("Duplicates " + System.nanoTime());
    }

    @Test
    void listsMailSkippedAsADuplicateWithTheCaseItRepeatsOnTheMailScreen() throws Exception {
        long n = System.nanoTime();
        byte[] raw = ("From: Ola <ola-" + n + "@example.pl>\r\nTo: shop@example.com\r\nSubject: Hem too long " + n
                + "\r\nMessage-ID: <dup-" + n + "@example.pl>\r\nContent-Type: text/plain\r\n\r\nHello\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        InboundRouter.Routed first = router.route(store, raw, 7L, 1L);
        InboundRouter.Routed again = router.route(store, raw, 7L, 2L);

        assertThat(first.outcome()).isEqualTo(Outcome.OPENED_CASE);
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.caseId()).isEqualTo(first.caseId());
        mvc.perform(get("/mailroom").with(user(owner)))
                .andExpect(content().string(allOf(containsString("Skipped as already filed"),
                        containsString("Hem too long " + n), containsString("ola-" + n + "@example.pl"),
                        containsString("href=\"/cases/" + first.caseId() + "\""))));
        mvc.perform(get("/mailroom").param("lang", "pl").with(user(owner)))
                .andExpect(content().string(allOf(containsString("Pominięte, bo już przypisane"),
                        containsString("Sprawa nr " + first.caseId()))));
    }

    @Test
    void anOldStyleReturnedMailIsFiledAsABounceAndOpensNoCase() throws IOException {
        long casesBefore = cases();

        InboundRouter.Routed routed = router.route(store, fixture("bounce-returned-mail-sendmail.eml"), null, null);

        assertThat(routed.outcome()).isEqualTo(Outcome.BOUNCE);
        assertThat(routed.caseId()).isNull();
        assertThat(cases()).isEqualTo(casesBefore);
    }

    private long cases() {
        return jdbc.sql("select count(*) from service_case where store_id = :s").param("s", store)
                .query(Long.class).single();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SkippedDuplicatesTests.class.getResourceAsStream("/mail/" + name)) {
            return in.readAllBytes();
        }
    }
}
