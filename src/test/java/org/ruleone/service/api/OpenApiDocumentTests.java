package org.ruleone.service.api;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class OpenApiDocumentTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired JsonMapper json;

    @Test
    void theOpenApiDocumentListsTheCasesAndCallsOperations() throws Exception {
        SignedInAssociate owner = people.owner();
        String document = mvc.perform(get("/v3/api-docs").with(user(owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode paths = json.readTree(document).get("paths");

        assertThat(paths.path("/api/cases").path("post").path("operationId").asString()).isEqualTo("openCase");
        assertThat(paths.path("/api/cases/{id}/messages").path("post").path("operationId").asString())
                .isEqualTo("addCaseMessage");
        assertThat(paths.path("/api/cases/{id}/resolution").path("post").path("operationId").asString())
                .isEqualTo("resolveCase");
        assertThat(paths.path("/api/cases/{id}/calls").path("post").path("operationId").asString())
                .isEqualTo("logCaseCall");
        assertThat(paths.path("/api/cases/{id}").path("get").path("operationId").asString()).isEqualTo("getCase");
        assertThat(paths.path("/api/telephony/calls").path("post").path("operationId").asString())
                .isEqualTo("reportCall");
        JsonNode open = paths.path("/api/cases").path("post");
        assertThat(open.path("parameters").toString()).contains("Idempotency-Key");
        assertThat(open.path("requestBody").toString()).contains("OpenCase");
    }

    @Test
    void theDocumentIsNotPublic() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
    }
}
