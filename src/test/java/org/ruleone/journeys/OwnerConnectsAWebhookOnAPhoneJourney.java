package org.ruleone.journeys;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.internal.WebhookEndpoints;
import org.ruleone.shared.Language;
import org.ruleone.support.WebhookRecipe;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner, on a phone, connects the shop's own system: she registers its address for opened cases, copies the
 * secret shown once, and sends a test event her system verifies; the secret is not shown again.
 */
class OwnerConnectsAWebhookOnAPhoneJourney extends ServiceJourney {

    @Autowired WebhookEndpoints endpoints;

    @Test
    void ownerRegistersAnEndpointAndItsSystemVerifiesTheTestEvent() throws Exception {
        List<String[]> received = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/journey-hook", exchange -> {
            received.add(new String[] {exchange.getRequestHeaders().getFirst("RuleOne-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            byte[] answer = "<i>thanks</i>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        String hook = "http://localhost:" + server.getAddress().getPort() + "/journey-hook";
        long store = fixtures.store();
        SignedInAssociate owner = fixtures.named("Olga Owner", Role.OWNER, store, Language.EN);
        try {
            Page p = phone();
            signInAs(p, owner);
            p.navigate(url("/settings"));
            p.locator("#webhooks a").click();
            assertThat(p).hasURL(url("/settings/webhooks"));
            fitsThePhone(p);

            p.getByLabel("URL").fill(hook);
            p.locator("input[name=events][value='case.opened']").check();
            p.getByText("Register", new Page.GetByTextOptions().setExact(true)).click();

            String secret = p.locator("#webhook-secret").textContent().strip();
            assertThat(secret).startsWith("whsec_");
            fitsThePhone(p);
            p.getByText("Send a test event").click();
            assertThat(p.locator(".notice")).containsText("Delivered.");
            assertThat(p.locator("#webhook-secret")).hasCount(0);
            assertThat(p.locator("table")).containsText("webhook.test");
            assertThat(p.locator("table")).containsText("<i>thanks</i>");
            fitsThePhone(p);

            assertThat(received).hasSize(1);
            assertThat(WebhookRecipe.verify(received.getFirst()[0], received.getFirst()[1], secret)).isTrue();
        } finally {
            server.stop(0);
            endpoints.list().stream().filter(e -> e.url().equals(hook)).forEach(e -> endpoints.delete(e.id()));
        }
    }
}
