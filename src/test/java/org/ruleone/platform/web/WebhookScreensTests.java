package org.ruleone.platform.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.internal.WebhookEndpoints;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class WebhookScreensTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired ServiceFixtures service;
    @Autowired WebhookEndpoints endpoints;
    @Autowired JdbcClient jdbc;

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
        endpoints.list().stream().filter(e -> e.url().contains("/screens-hook"))
                .forEach(e -> endpoints.delete(e.id()));
    }

    private String receiver(int status, String answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/screens-hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return "http://localhost:" + server.getAddress().getPort() + "/screens-hook";
    }

    private long register(SignedInAssociate owner, String url, String... events) throws Exception {
        MvcResult result = mvc.perform(post("/settings/webhooks").param("url", url).param("events", events)
                        .with(user(owner)).with(csrf()))
                .andReturn();
        String to = result.getResponse().getRedirectedUrl();
        assertThat(to).startsWith("/settings/webhooks/");
        return Long.parseLong(to.substring("/settings/webhooks/".length()));
    }

    @Test
    void managersAndAssociatesCannotReachTheWebhookScreens() throws Exception {
        long store = people.store("Webhook store");
        for (Role role : List.of(Role.MANAGER, Role.ASSOCIATE)) {
            SignedInAssociate someone = people.person(role, store);
            mvc.perform(get("/settings/webhooks").with(user(someone))).andExpect(status().isForbidden());
            mvc.perform(post("/settings/webhooks").param("url", "https://hooks.example.com/")
                    .with(user(someone)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/settings/webhooks/1/test").with(user(someone)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/settings/webhooks").with(user(people.owner()))).andExpect(status().isOk());
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1/screens-hook, NOT_HTTPS",
            "http://hooks.example.com/screens-hook, NOT_HTTPS",
            "https://127.0.0.1/screens-hook, FORBIDDEN_ADDRESS",
            "https://10.0.0.5/screens-hook, FORBIDDEN_ADDRESS",
            "https://192.168.0.10/screens-hook, FORBIDDEN_ADDRESS",
            "https://169.254.169.254/screens-hook, FORBIDDEN_ADDRESS",
            "https://[fe80::1]/screens-hook, FORBIDDEN_ADDRESS",
            "https://[fd00:ec2::254]/screens-hook, FORBIDDEN_ADDRESS",
            "https://100.64.0.1/screens-hook, FORBIDDEN_ADDRESS",
            "'https://hooks.example.com/screens-hook\r\nX-Injected: yes', INVALID_URL"})
    void refusesToRegisterAnAddressOfThisMachineOrNetworkOrPlainHttp(String url, String reason) throws Exception {
        mvc.perform(post("/settings/webhooks").param("url", url).param("events", "case.opened")
                        .with(user(people.owner())).with(csrf()))
                .andExpect(redirectedUrl("/settings/webhooks"))
                .andExpect(flash().attribute("problem", "webhooks.refused." + reason));

        assertThat(endpoints.list()).extracting(WebhookEndpoints.Endpoint::url).doesNotContain(url);
    }

    @Test
    void showsTheSecretOnceAndTheTestEventsAnswerEscaped() throws Exception {
        SignedInAssociate owner = people.owner();
        MvcResult made = mvc.perform(post("/settings/webhooks")
                        .param("url", receiver(500, "<b id=\"evil\">boom</b>\r\nSet-Cookie: x=1"))
                        .param("events", "case.opened").with(user(owner)).with(csrf()))
                .andReturn();
        String to = made.getResponse().getRedirectedUrl();
        long id = Long.parseLong(to.substring(to.lastIndexOf('/') + 1));
        String secret = (String) made.getFlashMap().get("secret");

        assertThat(secret).startsWith("whsec_");

        String again = mvc.perform(get("/settings/webhooks/" + id).with(user(owner)))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).doesNotContain(secret).doesNotContain("whsec_");

        mvc.perform(post("/settings/webhooks/" + id + "/test").with(user(owner)).with(csrf()))
                .andExpect(flash().attribute("done", "webhooks.outcome.RETRYING"));
        String page = mvc.perform(get("/settings/webhooks/" + id).with(user(owner)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;b id=&quot;evil&quot;&gt;boom&lt;/b&gt;").doesNotContain("<b id=\"evil\">")
                .contains("webhook.test").contains(">500<");
    }

    @Test
    void aSecretIsShownAfterRegisteringAndRotatingAndNeverInTheList() throws Exception {
        SignedInAssociate owner = people.owner();
        MvcResult made = mvc.perform(post("/settings/webhooks").param("url", receiver(200, "") + "?a=1")
                        .param("events", "case.opened", "survey.answered", "not.an.event")
                        .with(user(owner)).with(csrf()))
                .andReturn();
        String secret = (String) made.getFlashMap().get("secret");
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        long id = Long.parseLong(made.getResponse().getRedirectedUrl().replaceAll("\\D+", ""));
        assertThat(endpoints.find(id)).get().extracting(WebhookEndpoints.Endpoint::events)
                .isEqualTo(List.of("case.opened", "survey.answered"));

        MvcResult rotated = mvc.perform(post("/settings/webhooks/" + id + "/rotate").with(user(owner)).with(csrf()))
                .andReturn();
        assertThat((String) rotated.getFlashMap().get("secret")).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(mvc.perform(get("/settings/webhooks").with(user(owner))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("whsec_");
    }

    @Test
    void aCaseOpenedReachesASubscribedEndpointWithoutTheCasesWords() throws Exception {
        SignedInAssociate owner = people.owner();
        long id = register(owner, receiver(200, "ok"), "case.opened");
        long store = service.store();
        long client = service.client(store, "Jane", "Webhookson", Language.EN);

        long caseId = service.openCase(service.associate(store), store, client, "Jane's ring", "She lost it");

        List<WebhookEndpoints.Delivery> deliveries = endpoints.deliveries(id, 10);
        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.eventType()).isEqualTo("case.opened");
            assertThat(d.status()).isEqualTo("PENDING");
        });
        String body = jdbc.sql("select body from webhook_delivery where endpoint_id = ?").param(id)
                .query(String.class).single();
        assertThat(body).contains("\"caseId\":" + caseId).contains("\"customerId\":" + client)
                .doesNotContain("Jane").doesNotContain("ring").doesNotContain("lost");
        mvc.perform(post("/settings/webhooks/" + id + "/enabled").param("enabled", "false")
                .with(user(owner)).with(csrf()));
        service.openCase(service.associate(store), store, client, "Another", "Again");
        assertThat(endpoints.deliveries(id, 10)).hasSize(1);
        assertThat(Set.copyOf(endpoints.find(id).orElseThrow().events())).containsOnly("case.opened");
    }
}
