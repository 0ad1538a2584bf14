package org.ruleone.platform;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What an operator's monitoring reads, who may read it, and what nobody may see. */
@IntegrationTest
@AutoConfigureMockMvc
class OperationsEndpointsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestPeople people;

    @Test
    void reportsHealthUpIncludingTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void exposesPrometheusMetricsWithTheDatabasePoolToTheOwner() throws Exception {
        mvc.perform(get("/login"));
        mvc.perform(get("/actuator/prometheus").with(user(people.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hikaricp_connections_active")))
                .andExpect(content().string(containsString("http_server_requests")));
    }

    @Test
    void exposesPrometheusMetricsToAScraperWithTheMetricsToken() throws Exception {
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer test-metrics-token"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hikaricp_connections_active")));
    }

    @Test
    void refusesPrometheusMetricsToAnonymousAndToAssociates() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer a-guess"))
                .andExpect(status().isUnauthorized());
        long store = people.store("Flagship");
        mvc.perform(get("/actuator/prometheus").with(user(people.person(Role.ASSOCIATE, store))))
                .andExpect(status().isForbidden());
    }

    @Test
    void keepsOtherActuatorEndpointsClosed() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
    }
}
