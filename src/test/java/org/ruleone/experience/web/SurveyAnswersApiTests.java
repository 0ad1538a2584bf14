package org.ruleone.experience.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.platform.ApiTokens;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SurveyAnswersApiTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    private String tokenFor(Long store) {
        return tokens.create("survey feed " + UUID.randomUUID(), store, people.owner().id());
    }

    private long answer(long store, Integer comeBack, String comment) {
        Timestamp at = Timestamp.from(Instant.parse("2024-05-01T10:00:00Z"));
        return jdbc.sql("""
                insert into survey_answer (store_id, channel, come_back, satisfaction, comment, complete, started_at,
                                           answered_at, external_id)
                values (:s, 'IMPORT', :b, 4, :c, true, :at, :at, :e) returning id
                """).param("s", store).param("b", comeBack).param("c", comment).param("at", at)
                .param("e", UUID.randomUUID().toString()).query(Long.class).single();
    }

    private ResultActions list(String token, String query) throws Exception {
        return mvc.perform(get("/api/surveys/answers" + query).header("Authorization", "Bearer " + token));
    }

    private JsonNode page(String token, String query) throws Exception {
        return json.readTree(list(token, query).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("answers").forEach(a -> ids.add(a.get("id").asLong()));
        return ids;
    }

    @Test
    void pagesThroughAStoresAnswersInIdOrderWithTheNextCursor() throws Exception {
        long store = people.store("Feed " + UUID.randomUUID());
        List<Long> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(answer(store, i * 2, "comment " + i));
        }
        String token = tokenFor(store);

        JsonNode first = page(token, "?size=2");
        assertThat(ids(first)).containsExactly(answers.get(0), answers.get(1));
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("answers").get(1).get("comeBack").asInt()).isEqualTo(2);
        assertThat(first.get("answers").get(1).get("comment").asString()).isEqualTo("comment 1");
        assertThat(first.get("answers").get(1).get("channel").asString()).isEqualTo("IMPORT");
        assertThat(first.get("answers").get(1).get("answeredAt").asString()).isEqualTo("2024-05-01T10:00:00Z");

        JsonNode second = page(token, "?size=2&since=" + first.get("next").asString());
        assertThat(ids(second)).containsExactly(answers.get(2), answers.get(3));
        JsonNode third = page(token, "?size=2&since=" + second.get("next").asString());
        assertThat(ids(third)).containsExactly(answers.get(4));
        assertThat(third.get("hasMore").asBoolean()).isFalse();

        JsonNode empty = page(token, "?size=2&since=" + third.get("next").asString());
        assertThat(ids(empty)).isEmpty();
        assertThat(empty.get("next").asString()).isEqualTo(third.get("next").asString());
        long later = answer(store, 9, "later");
        assertThat(ids(page(token, "?since=" + empty.get("next").asString()))).containsExactly(later);
    }

    @Test
    void aStoreTokenSeesOnlyItsOwnStoresAnswers() throws Exception {
        long mine = people.store("Feed mine " + UUID.randomUUID());
        long theirs = people.store("Feed theirs " + UUID.randomUUID());
        long own = answer(mine, 10, "mine");
        long other = answer(theirs, 0, "theirs");
        String token = tokenFor(mine);

        assertThat(ids(page(token, "?since=" + (own - 1)))).containsExactly(own).doesNotContain(other);
        list(token, "?storeId=" + theirs)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(ids(page(tokenFor(null), "?storeId=" + theirs + "&since=" + (other - 1)))).containsExactly(other);
    }

    @Test
    void refusesACursorThatIsNotOneWithAProblemDetail() throws Exception {
        String token = tokenFor(people.store("Feed bad " + UUID.randomUUID()));

        for (String query : List.of("?since=abc", "?since=-1", "?since=99999999999999999999", "?size=0",
                "?size=501", "?storeId=x")) {
            list(token, query)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.errors[0].field").exists());
        }
    }

    @Test
    void refusesARequestWithoutAToken() throws Exception {
        mvc.perform(get("/api/surveys/answers")).andExpect(status().isUnauthorized());
    }

    @Test
    void theOpenApiDocumentListsTheAnswersFeed() throws Exception {
        String document = mvc.perform(get("/v3/api-docs").with(user(people.owner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode operation = json.readTree(document).get("paths").path("/api/surveys/answers").path("get");

        assertThat(operation.path("operationId").asString()).isEqualTo("listSurveyAnswers");
        assertThat(operation.path("parameters").toString()).contains("since").contains("size").contains("storeId");
        assertThat(operation.path("responses").path("200").toString()).contains("AnswerPage");
    }
}
