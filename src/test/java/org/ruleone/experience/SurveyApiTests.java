package org.ruleone.experience;

import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.ApiTokens;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code POST /api/surveys/invitations}: a web shop asks a client for a survey and gets the link. */
@IntegrationTest
class SurveyApiTests {

    @Autowired MockMvc mvc;
    @Autowired ServiceFixtures fixtures;
    @Autowired TestPeople people;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    long store;
    SignedInAssociate seller;
    String token;
    String email;

    @BeforeEach
    void storeAndToken() {
        store = fixtures.store("Web shop", "FR", ZoneId.of("Europe/Paris"));
        seller = fixtures.person(Role.ASSOCIATE, store, Language.FR);
        token = tokens.create("shop", store, people.owner().id());
        email = "claire-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void addsTheClientAndReturnsTheSurveyLinkOnceForOneIdempotencyKey() throws Exception {
        String body = """
                {"client": {"email": "%s", "firstName": "Claire", "language": "fr"}, "associateId": %d,
                 "invoice": "W-1001"}""".formatted(email, seller.id());

        String first = mvc.perform(send(body, "k-1"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SENT"))
                .andExpect(jsonPath("$.customerCreated").value(true))
                .andExpect(jsonPath("$.surveyUrl").value(matchesPattern("http://localhost[:0-9]*/survey/[A-Za-z0-9_-]{43}")))
                .andReturn().getResponse().getContentAsString();
        JsonNode answer = json.readTree(first);
        long invitation = answer.get("invitationId").asLong();
        assertThat(jdbc.sql("""
                select trigger || ' ' || status || ' ' || associate_id || ' ' || invoice || ' ' || language
                  from survey_invitation where id = :id""").param("id", invitation).query(String.class).single())
                .isEqualTo("API SENT " + seller.id() + " W-1001 fr");
        assertThat(jdbc.sql("select count(*) from survey_token where invitation_id = :id").param("id", invitation)
                .query(Integer.class).single()).isEqualTo(1);

        mvc.perform(send(body, "k-1"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.surveyUrl").value(answer.get("surveyUrl").asString()));
        assertThat(invitationsFor(answer.get("customerId").asLong())).isEqualTo(1);
    }

    @Test
    void skipsAClientAskedWithinTheCooldownAndGivesNoLink() throws Exception {
        String body = """
                {"client": {"email": "%s"}}""".formatted(email);
        mvc.perform(send(body, "first")).andExpect(status().isCreated());

        mvc.perform(send(body, "second"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SKIPPED"))
                .andExpect(jsonPath("$.skippedReason").value("COOLDOWN"))
                .andExpect(jsonPath("$.surveyUrl").doesNotExist());
    }

    @Test
    void aStoreTokenCannotInviteForAnotherStore() throws Exception {
        long other = fixtures.store("Other shop", "FR", ZoneId.of("Europe/Paris"));
        String body = """
                {"storeId": %d, "client": {"email": "%s"}}""".formatted(other, email);

        mvc.perform(send(body, "k-other")).andExpect(status().isForbidden());

        assertThat(jdbc.sql("select count(*) from customer where store_id = :s").param("s", other)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from survey_invitation where store_id = :s").param("s", other)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void refusesAnAssociateOfAnotherStoreAndAMissingClient() throws Exception {
        long other = fixtures.store("Other shop", "FR", ZoneId.of("Europe/Paris"));
        SignedInAssociate stranger = fixtures.person(Role.ASSOCIATE, other, Language.FR);

        mvc.perform(send("""
                        {"client": {"email": "%s"}, "associateId": %d}""".formatted(email, stranger.id()), "k-a"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("associateId"));
        mvc.perform(send("{\"invoice\": \"W-1\"}", "k-b"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("client"));
        assertThat(jdbc.sql("select count(*) from survey_invitation where store_id = :s").param("s", store)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aPurchaseFromTheTillSchedulesASurveyADayLater() throws Exception {
        String number = "W-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/purchases").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"storeId": %d, "invoice": "%s", "date": "2031-05-02T10:00:00+02:00", "customerId": "%s",
                                 "lines": [{"sku": "LOAFER", "quantity": 1, "unitPrice": 120}]}
                                """.formatted(store, number, number)))
                .andExpect(status().isCreated());
        long customer = jdbc.sql("select id from customer where store_id = :s and external_id = :n")
                .param("s", store).param("n", number).query(Long.class).single();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> invitationsFor(customer) == 1);
        assertThat(jdbc.sql("""
                select trigger || ' ' || status || ' ' || (due_at - created_at)
                  from survey_invitation where customer_id = :c""").param("c", customer).query(String.class).single())
                .isEqualTo("PURCHASE SCHEDULED 1 day");
    }

    @Test
    void theOpenApiDocumentListsTheInvitation() throws Exception {
        String document = mvc.perform(get("/v3/api-docs").with(user(people.owner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode invite = json.readTree(document).path("paths").path("/api/surveys/invitations").path("post");

        assertThat(invite.path("operationId").asString()).isEqualTo("inviteToSurvey");
        assertThat(invite.path("parameters").toString()).contains("Idempotency-Key");
        assertThat(invite.path("requestBody").toString()).contains("InviteClient");
    }

    private MockHttpServletRequestBuilder send(String body, String key) {
        return post("/api/surveys/invitations").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private int invitationsFor(long customerId) {
        return jdbc.sql("select count(*) from survey_invitation where customer_id = :c").param("c", customerId)
                .query(Integer.class).single();
    }
}
