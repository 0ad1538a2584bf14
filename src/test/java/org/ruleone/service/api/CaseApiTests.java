package org.ruleone.service.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.ApiTokens;
import org.ruleone.service.AuthorKind;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseFilter;
import org.ruleone.service.CaseStatus;
import org.ruleone.service.Channel;
import org.ruleone.service.ResolutionKind;
import org.ruleone.service.ServiceCase;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class CaseApiTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired ApiTokens tokens;
    @Autowired ClientBook clients;
    @Autowired CaseDesk desk;
    @Autowired JsonMapper json;

    private ResultActions send(String token, String path, String key, String body) throws Exception {
        var request = post(path).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Authorization", "Bearer " + token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    private String tokenFor(long store) {
        return tokens.create("shop " + UUID.randomUUID(), store, people.owner().id());
    }

    private long client(long store, String email) {
        return clients.add(new ClientDraft(store, null, "Zofia", "Żółkiewska", email, "+48 600 100 200", null,
                Language.PL, "", List.of(), List.of(), "", null));
    }

    private long caseId(ResultActions result) throws Exception {
        JsonNode answer = json.readTree(result.andReturn().getResponse().getContentAsString());
        return answer.get("caseId").asLong();
    }

    @Test
    void theSameKeyAndBodyGetTheFirstAnswerAgainAndOpenOneCase() throws Exception {
        long store = people.store("API replay");
        String token = tokenFor(store);
        long customer = client(store, "replay-" + UUID.randomUUID() + "@example.com");
        String body = """
                {"client":{"id":%d},"channel":"WEB_FORM","subject":"Broken heel","message":"The heel came off."}
                """.formatted(customer);

        long first = caseId(send(token, "/api/cases", "k-1", body).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed")));
        long again = caseId(send(token, "/api/cases", "k-1", body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")));

        assertThat(again).isEqualTo(first);
        assertThat(desk.list(CaseFilter.ofCustomer(customer), Optional.of(store))).hasSize(1);
        ServiceCase opened = desk.find(first, Optional.of(store)).orElseThrow();
        assertThat(opened.channel()).isEqualTo(Channel.WEB_FORM);
        assertThat(opened.messages()).extracting(m -> m.body()).containsExactly("The heel came off.");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422AndChangesNothing() throws Exception {
        long store = people.store("API reuse");
        String token = tokenFor(store);
        long customer = client(store, "reuse-" + UUID.randomUUID() + "@example.com");
        send(token, "/api/cases", "k-2", "{\"client\":{\"id\":%d},\"subject\":\"One\"}".formatted(customer))
                .andExpect(status().isCreated());

        send(token, "/api/cases", "k-2", "{\"client\":{\"id\":%d},\"subject\":\"Two\"}".formatted(customer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(422));

        assertThat(desk.list(CaseFilter.ofCustomer(customer), Optional.of(store)))
                .extracting(c -> c.subject()).containsExactly("One");
    }

    @Test
    void badInputGetsA400ProblemDetailNamingTheField() throws Exception {
        long store = people.store("API bad input");
        String token = tokenFor(store);

        send(token, "/api/cases", "k-3", "{\"client\":{},\"channel\":\"PIGEON\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "channel", "client")));
        send(token, "/api/cases", "k-4", "{\"client\": {\"id\": \"not a number\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("client.id"));
        send(token, "/api/cases", null, "{\"client\":{\"email\":\"a@example.com\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        // A refused request is not stored: the same key works once the body is right.
        send(token, "/api/cases", "k-3", "{\"client\":{\"email\":\"fixed-" + UUID.randomUUID() + "@example.com\"}}")
                .andExpect(status().isCreated());
    }

    @Test
    void aStoreTokenFindsNoCaseOfAnotherStore() throws Exception {
        long storeA = people.store("API scope A");
        long storeB = people.store("API scope B");
        String tokenA = tokenFor(storeA);
        String tokenB = tokenFor(storeB);
        long caseOfB = caseId(send(tokenB, "/api/cases", "b-1",
                "{\"client\":{\"email\":\"b-" + UUID.randomUUID() + "@example.com\"}}").andExpect(status().isCreated()));
        SignedInAssociate associateOfA = people.person(Role.ASSOCIATE, storeA);

        mvc.perform(get("/api/cases/" + caseOfB).header("Authorization", "Bearer " + tokenA))
                .andExpect(status().isNotFound());
        send(tokenA, "/api/cases/" + caseOfB + "/messages", "a-1", "{\"from\":\"CUSTOMER\",\"body\":\"Hello\"}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        send(tokenA, "/api/cases/" + caseOfB + "/resolution", "a-2", """
                {"associateId":%d,"kind":"GOODWILL","cost":5,"currency":"EUR","judgment":"A coffee on us."}
                """.formatted(associateOfA.id())).andExpect(status().isNotFound());
        send(tokenA, "/api/cases/" + caseOfB + "/calls", "a-3",
                "{\"ringingAt\":\"2026-11-22T10:00:00Z\",\"outcome\":\"MISSED\"}").andExpect(status().isNotFound());
        send(tokenA, "/api/cases", "a-4", "{\"storeId\":%d,\"client\":{\"email\":\"x@example.com\"}}"
                .formatted(storeB)).andExpect(status().isNotFound());

        ServiceCase untouched = desk.find(caseOfB, Optional.empty()).orElseThrow();
        assertThat(untouched.messages()).isEmpty();
        assertThat(untouched.status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void anIntegrationOpensByEmailThenRepliesAndResolves() throws Exception {
        long store = people.store("API journey");
        String token = tokenFor(store);
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);
        String email = "new-" + UUID.randomUUID() + "@example.com";

        JsonNode opened = json.readTree(send(token, "/api/cases", "j-1", """
                {"client":{"email":"%s","firstName":"Anne","lastName":"Lefèvre","language":"fr"},
                 "subject":"Ourlet","message":"Le pantalon est trop long."}""".formatted(email))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(opened.get("customerCreated").asBoolean()).isTrue();
        long caseId = opened.get("caseId").asLong();
        JsonNode second = json.readTree(send(token, "/api/cases", "j-2",
                "{\"client\":{\"email\":\"%s\"}}".formatted(email.toUpperCase()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(second.get("customerId").asLong()).isEqualTo(opened.get("customerId").asLong());
        assertThat(second.get("customerCreated").asBoolean()).isFalse();

        send(token, "/api/cases/" + caseId + "/messages", "j-3", """
                {"from":"ASSOCIATE","associateId":%d,"body":"Nous le reprenons demain.","waitForCustomer":true}
                """.formatted(associate.id())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("WAITING_ON_CUSTOMER"));
        send(token, "/api/cases/" + caseId + "/resolution", "j-4", """
                {"associateId":%d,"kind":"ALTERATION","cost":"12.50","currency":"EUR",
                 "judgment":"Free hem so she can wear them on Saturday.",
                 "details":{"promisedAt":"2026-11-27T16:00:00Z"}}""".formatted(associate.id()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"));
        send(token, "/api/cases/" + caseId + "/messages", "j-5", """
                {"from":"ASSOCIATE","associateId":%d,"body":"Too late."}""".formatted(associate.id()))
                .andExpect(status().isConflict());

        ServiceCase resolved = desk.find(caseId, Optional.of(store)).orElseThrow();
        assertThat(resolved.language()).isEqualTo(Language.FR);
        assertThat(resolved.messages()).extracting(m -> m.author())
                .containsExactly(AuthorKind.CUSTOMER, AuthorKind.ASSOCIATE);
        assertThat(resolved.resolutions()).singleElement()
                .satisfies(r -> assertThat(r.resolution().kind()).isEqualTo(ResolutionKind.ALTERATION));
        mvc.perform(get("/api/cases/" + caseId).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.messages.length()").value(2));
    }

    @Test
    void aStoreTokenCannotSignAsAnotherStoresAssociateOrTheOwner() throws Exception {
        long storeA = people.store("API signer A");
        long storeB = people.store("API signer B");
        String tokenA = tokenFor(storeA);
        SignedInAssociate ofA = people.person(Role.ASSOCIATE, storeA);
        SignedInAssociate ofB = people.person(Role.ASSOCIATE, storeB);
        SignedInAssociate owner = people.owner();
        long caseId = caseId(send(tokenA, "/api/cases", "s-1",
                "{\"client\":{\"email\":\"s-" + UUID.randomUUID() + "@example.com\"}}").andExpect(status().isCreated()));

        for (SignedInAssociate stranger : List.of(ofB, owner)) {
            send(tokenA, "/api/cases/" + caseId + "/messages", "s-m-" + stranger.id(), """
                    {"from":"ASSOCIATE","associateId":%d,"body":"Signed by someone else."}""".formatted(stranger.id()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("associateId"));
            send(tokenA, "/api/cases/" + caseId + "/resolution", "s-r-" + stranger.id(), """
                    {"associateId":%d,"kind":"GOODWILL","cost":5,"currency":"EUR","judgment":"A coffee on us."}
                    """.formatted(stranger.id())).andExpect(status().isBadRequest());
            send(tokenA, "/api/cases", "s-o-" + stranger.id(), """
                    {"ownerId":%d,"client":{"email":"o-%s@example.com"}}""".formatted(stranger.id(), UUID.randomUUID()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
            send(tokenA, "/api/cases/" + caseId + "/calls", "s-c-" + stranger.id(), """
                    {"ringingAt":"2026-11-22T10:00:00Z","outcome":"ANSWERED","associateId":%d}
                    """.formatted(stranger.id())).andExpect(status().isBadRequest());
        }

        ServiceCase untouched = desk.find(caseId, Optional.of(storeA)).orElseThrow();
        assertThat(untouched.messages()).isEmpty();
        assertThat(untouched.status()).isEqualTo(CaseStatus.OPEN);
        send(tokenA, "/api/cases/" + caseId + "/messages", "s-ok", """
                {"from":"ASSOCIATE","associateId":%d,"body":"Signed by our own."}""".formatted(ofA.id()))
                .andExpect(status().isCreated());
        String chainWide = tokens.create("chain " + UUID.randomUUID(), null, owner.id());
        send(chainWide, "/api/cases/" + caseId + "/messages", "s-chain", """
                {"from":"ASSOCIATE","associateId":%d,"body":"The owner may, with a chain-wide token."}"""
                .formatted(owner.id())).andExpect(status().isCreated());
    }

    @Test
    void aRequestWithoutAValidTokenIsRefused() throws Exception {
        mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .header("Idempotency-Key", "x"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .header("Idempotency-Key", "x").header("Authorization", "Bearer r1_nothing"))
                .andExpect(status().isUnauthorized());
    }
}
