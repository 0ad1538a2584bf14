package org.ruleone.platform.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ruleone.platform.WebhookEvent;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.ruleone.support.WebhookRecipe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class WebhookDeliveryTests {

    /** A stand-in for a module's event: named like one, so the screens list no name of the tests'. */
    @WebhookEvent.Type("case.opened")
    record CaseOpenedForTest(long caseId, String subject) implements WebhookEvent {
        @Override
        public Map<String, Object> webhookData() {
            return WebhookEvent.data("caseId", caseId);
        }
    }

    @Autowired WebhookEndpoints endpoints;
    @Autowired WebhookAddresses addresses;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Long> registered = new ArrayList<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    record Received(String signature, String host, String body, long at) {
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
        registered.forEach(endpoints::delete);
    }

    /** A receiver on localhost answering each post with the next status, and the body given. */
    private String receiver(IntSupplier status, String answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("RuleOne-Signature"),
                    exchange.getRequestHeaders().getFirst("Host"), body, System.currentTimeMillis() / 1000));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.getAsInt(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    private WebhookEndpoints.WithSecret register(String url) throws WebhookAddresses.Refused {
        WebhookEndpoints.WithSecret made = endpoints.register(url, Set.of("case.opened"), "owner@example.com");
        registered.add(made.id());
        return made;
    }

    private WebhookSender sender(WebhookAddresses checking, Clock at, int maxAttempts) {
        return new WebhookSender(jdbc, tx, checking, new WebhookPost(Duration.ofSeconds(5), Duration.ofSeconds(10)),
                at, maxAttempts, Duration.ofSeconds(30));
    }

    private void publish(WebhookEvent event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private WebhookEndpoints.Delivery only(long endpoint) {
        List<WebhookEndpoints.Delivery> all = endpoints.deliveries(endpoint, 10);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    @Test
    void twoSendersAtOnceEachPostEveryDeliveryOnce() throws Exception {
        WebhookEndpoints.WithSecret endpoint = register(receiver(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        }, "ok"));
        for (int i = 0; i < 6; i++) {
            publish(new CaseOpenedForTest(100 + i, ""));
        }
        MutableClock at = new MutableClock(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1));
        WebhookSender one = sender(addresses, at, 10);
        WebhookSender other = sender(addresses, at, 10);

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(one::sendDue);
            var second = pool.submit(other::sendDue);
            assertThat(first.get() + second.get()).isEqualTo(6);
        }

        assertThat(received).hasSize(6);
        assertThat(received.stream().map(Received::body).distinct()).hasSize(6);
        assertThat(endpoints.deliveries(endpoint.id(), 10)).extracting(WebhookEndpoints.Delivery::status)
                .containsOnly("DELIVERED");
    }

    @Test
    void aReceiverVerifiesTheSignatureWithTheDocumentedRecipe() throws Exception {
        String url = receiver(() -> 200, "ok");
        WebhookEndpoints.WithSecret endpoint = register(url);

        publish(new CaseOpenedForTest(4711, "My name is Jane Doe"));
        int posted = sender(addresses, clock, 10).sendDue();

        assertThat(posted).isEqualTo(1);
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(WebhookRecipe.verify(r.signature(), r.body(), endpoint.secret(), r.at())).isTrue();
            assertThat(WebhookRecipe.verify(r.signature(), r.body() + " ", endpoint.secret(), r.at())).isFalse();
            assertThat(WebhookRecipe.verify(r.signature(), r.body(), endpoint.secret(), r.at() + 301)).isFalse();
            JsonNode json = JsonMapper.builder().build().readTree(r.body());
            assertThat(json.get("type").asString()).isEqualTo("case.opened");
            assertThat(json.get("data").get("caseId").asLong()).isEqualTo(4711);
            assertThat(r.body()).doesNotContain("Jane Doe");
            assertThat(r.host()).startsWith("localhost:");
        });
        assertThat(only(endpoint.id())).satisfies(d -> {
            assertThat(d.status()).isEqualTo("DELIVERED");
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastStatus()).isEqualTo(200);
            assertThat(d.lastResponse()).isEqualTo("ok");
        });
    }

    @Test
    void writesNoDeliveryWhenThePublishingTransactionRollsBack() throws Exception {
        WebhookEndpoints.WithSecret endpoint = register(receiver(() -> 200, "ok"));

        tx.executeWithoutResult(s -> {
            events.publishEvent(new CaseOpenedForTest(1, ""));
            s.setRollbackOnly();
        });

        assertThat(endpoints.deliveries(endpoint.id(), 10)).isEmpty();
    }

    @Test
    void retriesA500WithBackoffThenDeliversOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        WebhookEndpoints.WithSecret endpoint = register(receiver(() -> calls.incrementAndGet() <= 2 ? 500 : 204, ""));
        MutableClock at = new MutableClock(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1));
        WebhookSender sender = sender(addresses, at, 10);

        publish(new CaseOpenedForTest(7, ""));
        sender.sendDue();
        assertThat(only(endpoint.id())).satisfies(d -> {
            assertThat(d.status()).isEqualTo("PENDING");
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastStatus()).isEqualTo(500);
            assertThat(d.nextAttemptAt()).isEqualTo(at.instant().plusSeconds(30));
        });

        at.advance(Duration.ofSeconds(29));
        assertThat(sender.sendDue()).isZero();
        at.advance(Duration.ofSeconds(1));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(only(endpoint.id()).nextAttemptAt()).isEqualTo(at.instant().plusSeconds(60));

        at.advance(Duration.ofSeconds(59));
        assertThat(sender.sendDue()).isZero();
        at.advance(Duration.ofSeconds(1));
        assertThat(sender.sendDue()).isEqualTo(1);
        at.advance(Duration.ofHours(7));
        assertThat(sender.sendDue()).isZero();

        assertThat(calls).hasValue(3);
        assertThat(received).extracting(Received::body).containsOnly(received.getFirst().body());
        assertThat(only(endpoint.id())).satisfies(d -> {
            assertThat(d.status()).isEqualTo("DELIVERED");
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastStatus()).isEqualTo(204);
        });
    }

    @Test
    void givesUpAfterTheLastAttemptAndRetryNowSendsItAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        WebhookEndpoints.WithSecret endpoint = register(receiver(() -> calls.incrementAndGet() <= 2 ? 503 : 200, ""));
        MutableClock at = new MutableClock(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1));
        WebhookSender sender = sender(addresses, at, 2);

        publish(new CaseOpenedForTest(8, ""));
        sender.sendDue();
        at.advance(Duration.ofSeconds(30));
        sender.sendDue();
        at.advance(Duration.ofDays(1));
        assertThat(sender.sendDue()).isZero();
        WebhookEndpoints.Delivery failed = only(endpoint.id());
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(2);

        assertThat(endpoints.retry(endpoint.id(), failed.id())).isTrue();
        assertThat(sender.sendNow(failed.id())).contains(WebhookSender.Outcome.DELIVERED);
        assertThat(only(endpoint.id()).status()).isEqualTo("DELIVERED");
        assertThat(calls).hasValue(3);
    }

    @Test
    void refusesAtDeliveryANameThatNowResolvesToAPrivateAddress() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        WebhookAddresses rebinding = new WebhookAddresses(host -> new InetAddress[] {InetAddress.getByName(
                lookups.incrementAndGet() == 1 ? "93.184.215.14" : "127.0.0.1")}, "");
        WebhookEndpoints registering = new WebhookEndpoints(jdbc, rebinding, new WebhookTypes(), clock);
        WebhookEndpoints.WithSecret endpoint = registering.register("https://hooks.rebinding.test/hook",
                Set.of("case.opened"), "owner@example.com");
        registered.add(endpoint.id());

        publish(new CaseOpenedForTest(9, ""));
        sender(rebinding, new MutableClock(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1)), 10).sendDue();

        assertThat(only(endpoint.id())).satisfies(d -> {
            assertThat(d.status()).isEqualTo("PENDING");
            assertThat(d.lastStatus()).isNull();
            assertThat(d.lastError()).startsWith("refused: FORBIDDEN_ADDRESS");
        });
        assertThat(lookups).hasValue(2);
    }

    @Test
    void connectsToTheAddressItCheckedWithoutLookingTheNameUpAgain() throws Exception {
        String url = receiver(() -> 200, "ok");
        AtomicInteger lookups = new AtomicInteger();
        // The first answer is the receiver; any later lookup would lead nowhere (TEST-NET-1, never routed).
        WebhookAddresses once = new WebhookAddresses(host -> new InetAddress[] {InetAddress.getByName(
                lookups.incrementAndGet() == 1 ? "127.0.0.1" : "192.0.2.1")}, "localhost");
        WebhookEndpoints.WithSecret endpoint = register(url);

        publish(new CaseOpenedForTest(10, ""));
        sender(once, new MutableClock(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1)), 10).sendDue();

        assertThat(lookups).hasValue(1);
        assertThat(only(endpoint.id()).status()).isEqualTo("DELIVERED");
        assertThat(received).singleElement().extracting(Received::host).asString().startsWith("localhost:");
    }

    @Test
    void keepsOnlyTheFirstKilobyteOfAnAnswerAsText() throws Exception {
        String answer = "<script>alert(1)</script>\r\nX-Injected: yes\r\n" + "x".repeat(5000);
        WebhookEndpoints.WithSecret endpoint = register(receiver(() -> 500, answer));

        publish(new CaseOpenedForTest(11, ""));
        sender(addresses, new MutableClock(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1)), 10).sendDue();

        assertThat(only(endpoint.id()).lastResponse()).hasSize(1024).isEqualTo(answer.substring(0, 1024));
    }
}
