package org.ruleone.platform;

import org.junit.jupiter.api.Test;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What an operator's monitoring reads without signing in, and what it must not see. */
@IntegrationTest
@AutoConfigureMockMvc
class OperationsEndpointsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void reportsHealthUpIncludingTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void exposesPrometheusMetricsWithTheDatabasePool() throws Exception {
        mvc.perform(get("/login"));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hikaricp_connections_active")))
                .andExpect(content().string(containsString("http_server_requests")));
    }

    @Test
    void keepsOtherActuatorEndpointsClosed() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
    }
}
