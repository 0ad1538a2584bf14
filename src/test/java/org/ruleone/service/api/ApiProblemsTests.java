package org.ruleone.service.api;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.platform.ApiTokens;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** Every API error is a problem detail in plain words: no class names, no stack traces. */
@IntegrationTest
@AutoConfigureMockMvc
class ApiProblemsTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired ApiTokens tokens;

    private MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        String token = tokens.create("problems " + UUID.randomUUID(), people.store("API problems"),
                people.owner().id());
        return mvc.perform(request.header("Authorization", "Bearer " + token).header("Idempotency-Key",
                UUID.randomUUID().toString())).andReturn();
    }

    private static void isPlainProblem(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String body = result.getResponse().getContentAsString();
        assertThat(body).contains("\"status\":" + status).contains("\"title\"").contains("\"detail\"")
                .doesNotContain("org.").doesNotContain("java.").doesNotContain("tools.")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void malformedJsonAndAWrongTypeAreAnsweredInPlainWords() throws Exception {
        isPlainProblem(send(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content("{\"client\": {")), 400);
        isPlainProblem(send(post("/api/cases").contentType(MediaType.APPLICATION_JSON)
                .content("{\"client\": {\"id\": \"abc\"}, \"subject\": [1]}")), 400);
        isPlainProblem(send(post("/api/purchases").contentType(MediaType.APPLICATION_JSON).content("[1, 2")), 400);
        isPlainProblem(send(post("/api/cases/1/resolution").contentType(MediaType.APPLICATION_JSON)
                .content("{\"cost\": \"a lot\"}")), 400);
    }

    @Test
    void wrongAddressMethodMediaTypeAndPathValueAreProblemDetails() throws Exception {
        isPlainProblem(send(get("/api/nothing-here")), 404);
        MvcResult wrongMethod = send(put("/api/cases").contentType(MediaType.APPLICATION_JSON).content("{}"));
        isPlainProblem(wrongMethod, 405);
        assertThat(wrongMethod.getResponse().getHeader("Allow")).contains("POST");
        isPlainProblem(send(post("/api/cases").contentType(MediaType.TEXT_PLAIN).content("hello")), 415);
        isPlainProblem(send(get("/api/cases/abc")), 400);
    }
}
