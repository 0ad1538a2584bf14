package org.ruleone.platform;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ruleone.RuleOneApplication;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.mail.MailAddress;
import org.ruleone.mail.MailsSent;
import org.ruleone.mail.Outbox;
import org.ruleone.mail.OutgoingMail;
import org.ruleone.mailroom.MailroomTestSupport;
import org.ruleone.mailroom.internal.Mailboxes;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.shared.Language;
import org.ruleone.support.SharedDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes in this JVM, each with its own web server, scheduler and connection pool and nothing shared
 * in memory, on one PostgreSQL server that neither node started (the tests' shared server, reached over TCP, with a
 * database of this test's own), behind an imagined load balancer that sends each request where it likes: the
 * outbox and the mail poll run on both and do their work once, a session and its CSRF token made on one node work
 * on the other, an API retry with the same {@code Idempotency-Key} on the other node opens no second case, files
 * uploaded on one node are read on the other, and when one node dies the other carries on (ADR 0120).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesTests {

    static final String OWNER_EMAIL = "kim.owner@example.com";
    static final String OWNER_PASSWORD = "a long test password for two nodes";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static final Node[] NODES = new Node[2];
    static Path uploads;
    static long store;
    static long owner;
    static String storeAddress;
    /** The one cookie a browser keeps: the load balancer may send each of its requests to either node. */
    static String sessionCookie;
    /** The whole Set-Cookie header that started the session (its attributes). */
    static String sessionCookieSet;
    /** The client's address as the load balancer names it in X-Forwarded-For. */
    static final String CLIENT_ADDRESS = "203.0.113.7";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One node: its context and the mails its own outbox sender delivered. */
    record Node(String name, ConfigurableApplicationContext context, AtomicInteger sent) {

        int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port() + path);
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }

    @BeforeAll
    static void twoNodesOnOneServer() throws Exception {
        SharedDatabase server = SharedDatabase.get();
        String database = server.newDatabase();
        uploads = Files.createTempDirectory("rule-one-nodes-uploads");
        String mailroomKey = SharedDatabase.random();
        String linkKeys = SharedDatabase.random();
        for (int i = 0; i < NODES.length; i++) {
            String name = "node-" + (char) ('a' + i);
            AtomicInteger sent = new AtomicInteger();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(RuleOneApplication.class)
                    .listeners(ApplicationListener.<MailsSent>forPayload(batch -> sent.addAndGet(batch.mails().size())))
                    // Command-line arguments, as a real node gets them (SPRING_DATASOURCE_URL… as variables).
                    .run("--spring.profiles.active=test", "--server.port=0", "--spring.main.banner-mode=off",
                            "--spring.datasource.url=" + database,
                            "--spring.datasource.username=" + server.username(),
                            "--spring.datasource.password=" + server.password(),
                            "--spring.datasource.hikari.data-source-properties.ApplicationName=" + name,
                            "--ruleone.mailroom.key=" + mailroomKey, "--ruleone.links.keys=" + linkKeys,
                            "--ruleone.uploads.directory=" + uploads,
                            "--ruleone.embedded-db.data-directory=" + uploads.resolveSibling(uploads.getFileName() + "-" + name),
                            "--spring.mail.host=127.0.0.1",
                            "--spring.mail.port=" + MailroomTestSupport.GREEN_MAIL.getSmtp().getPort(),
                            "--ruleone.mail.outbox.interval=PT0.1S", "--ruleone.mail.outbox.initial-delay=PT0.1S",
                            // Small batches, so the 200 mails of the outbox test are 40 batches the nodes share.
                            "--ruleone.mail.outbox.batch=5",
                            "--ruleone.mailroom.polling-enabled=true", "--ruleone.mailroom.poll-initial-delay=PT0.2S",
                            "--ruleone.mailroom.poll-interval=PT0.3S",
                            // Behind a load balancer (README, "Several nodes"): the client's address and scheme
                            // come from its X-Forwarded-* headers; 127.0.0.1 is among Tomcat's internal proxies.
                            "--server.forward-headers-strategy=native");
            NODES[i] = new Node(name, context, sent);
        }
        Node a = NODES[0];
        owner = a.bean(Organization.class).setUp("Kim Owner", OWNER_EMAIL, OWNER_PASSWORD,
                new StoreDraft("Two Nodes Store", "", "FR", ZoneId.of("Europe/Paris"), Language.EN, List.of()),
                Language.EN);
        store = a.bean(Organization.class).stores().getFirst().id();
        storeAddress = MailroomTestSupport.newMailbox("two-nodes-store");
        // Saved (its password encrypted) by node A, read by both: the nodes share RULEONE_MAILROOM_KEY.
        a.bean(Mailboxes.class).save(store, storeAddress, "127.0.0.1", MailroomTestSupport.imapPort(), false,
                storeAddress, MailroomTestSupport.PASSWORD);
    }

    @AfterAll
    static void stopTheNodes() throws Exception {
        for (Node node : NODES) {
            if (node != null && node.context().isActive()) {
                node.context().close();
            }
        }
        if (uploads != null) {
            try (var files = Files.walk(uploads)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static Node a() {
        return NODES[0];
    }

    static Node b() {
        return NODES[1];
    }

    @Test
    @Order(1)
    void bothNodesSendTheOutboxAndEveryMailLeavesOnce() throws Exception {
        String run = "outbox-" + UUID.randomUUID();
        int mails = 200;
        a().bean(TransactionTemplate.class).executeWithoutResult(tx -> {
            for (int i = 0; i < mails; i++) {
                a().bean(Outbox.class).enqueue(OutgoingMail.plain(run + ":" + i, store,
                        new MailAddress(storeAddress, "Two Nodes Store"),
                        new MailAddress("client-" + i + "@clients.example", "Client " + i), run + " #" + i, "Hello"));
            }
            // Due a moment from now, so that neither node is woken by this commit: both schedules find them.
            a().bean(JdbcClient.class).sql("""
                    update mail_outbox set next_attempt_at = now() + interval '1 second' where dedupe_key like :run
                    """).param("run", run + ":%").update();
        });
        int sentBefore = a().sent().get() + b().sent().get();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> received(run).size() >= mails && queued(run) == 0);

        Map<String, Long> copies = copiesBySubject(received(run));
        assertThat(copies).hasSize(mails);
        assertThat(copies.values()).as("each mail delivered exactly once").containsOnly(1L);
        assertThat(a().sent().get() + b().sent().get() - sentBefore).isEqualTo(mails);
        assertThat(a().sent().get()).as("node A sent some").isPositive();
        assertThat(b().sent().get()).as("node B sent some").isPositive();
    }

    @Test
    @Order(2)
    void bothNodesPollTheStoresMailboxAndEveryMailOpensOneCase() throws Exception {
        int mails = 24;
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Delivered in waves while both nodes keep polling every 0.3 s.
        for (int i = 0; i < mails; i++) {
            MailroomTestSupport.deliver("""
                    From: Client %2$d <client-%1$s-%2$d@clients.example>
                    To: %3$s
                    Subject: Question %1$s-%2$d
                    Message-ID: <q-%1$s-%2$d@clients.example>
                    Content-Type: text/plain; charset=UTF-8

                    Do you have these boots in size %2$d?
                    """.formatted(run, i, storeAddress), storeAddress);
            if (i % 6 == 5) {
                Thread.sleep(250);
            }
        }
        JdbcClient jdbc = b().bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> emailCases(jdbc, run) >= mails);
        Thread.sleep(700); // two more polls on each node: nothing may be filed twice

        assertThat(emailCases(jdbc, run)).isEqualTo(mails);
        assertThat(jdbc.sql("""
                select count(*) from case_message m join service_case c on c.id = m.case_id
                 where c.store_id = :store and c.subject like :run
                """).param("store", store).param("run", "Question " + run + "%").query(Long.class).single())
                .as("one message per case").isEqualTo(mails);
    }

    @Test
    @Order(3)
    void aSessionAndItsCsrfTokenFromOneNodeWorkOnTheOther() throws Exception {
        signInOn(a());

        // The load balancer's X-Forwarded-* headers: the audit log (and the sign-in throttle) see the client's
        // address, and the session cookie is marked Secure when the client came over HTTPS.
        assertThat(a().bean(JdbcClient.class).sql("""
                select remote_addr from audit_event where kind = 'AUTHENTICATION_SUCCESS' order by id desc limit 1
                """).query(String.class).single()).isEqualTo(CLIENT_ADDRESS);
        assertThat(sessionCookieSet).containsIgnoringCase("; Secure");

        HttpResponse<String> home = get(b(), "/");
        assertThat(home.statusCode()).as("signed in on B with A's session").isEqualTo(200);
        assertThat(home.body()).contains("Kim");

        // A form rendered by B, posted to A: the CSRF token lives in the session, not in a node; so does the flash
        // message that carries the new token to the next page, here read on B.
        String token = csrf(get(b(), "/settings").body());
        HttpResponse<String> created = send(a(), HttpRequest.newBuilder(a().uri("/settings/api-tokens"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=till+one&storeId=" + store + "&_csrf=" + token)));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location")).hasValue("/settings");
        HttpResponse<String> settings = get(b(), "/settings");
        Matcher shown = Pattern.compile("<code class=\"token\">([^<]+)</code>").matcher(settings.body());
        assertThat(shown.find()).as("the new token, handed from A to B in the session's flash map").isTrue();
        assertThat(get(a(), "/settings").body()).as("shown once").doesNotContain(shown.group(1));
    }

    @Test
    @Order(4)
    void theSameIdempotencyKeyOnBothNodesOpensOneCase() throws Exception {
        String token = a().bean(ApiTokens.class).create("shop " + UUID.randomUUID(), store, owner);
        long client = a().bean(ClientBook.class).add(new ClientDraft(store, null, "Zofia", "Żółkiewska",
                "zofia-" + UUID.randomUUID() + "@clients.example", "+48 600 100 200", null, Language.PL, "",
                List.of(), List.of(), "", null));
        String body = """
                {"client":{"id":%d},"channel":"WEB_FORM","subject":"Broken heel","message":"The heel came off."}
                """.formatted(client);

        HttpResponse<String> first = api(a(), token, "retry-1", body);
        HttpResponse<String> retried = api(b(), token, "retry-1", body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retried.body()).isEqualTo(first.body());

        // The same request on both nodes at once: one does the work, the other waits and gets its answer.
        String other = body.replace("Broken heel", "Lost button");
        CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> apiQuietly(a(), token, other));
        CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> apiQuietly(b(), token, other));
        assertThat(onA.get().statusCode()).isEqualTo(201);
        assertThat(onB.get().statusCode()).isEqualTo(201);
        assertThat(onA.get().body()).isEqualTo(onB.get().body());

        assertThat(a().bean(JdbcClient.class).sql("select subject from service_case where customer_id = :c order by id")
                .param("c", client).query(String.class).list()).containsExactly("Broken heel", "Lost button");
    }

    @Test
    @Order(5)
    void aFileUploadedOnOneNodeIsReadOnTheOther() throws Exception {
        signInOn(a());
        long caseId = a().bean(JdbcClient.class).sql("select min(id) from service_case where store_id = :store")
                .param("store", store).query(Long.class).single();
        byte[] receipt = "Receipt 2026-12-04: boots, 145,00 €".getBytes(StandardCharsets.UTF_8);

        // A case's attachment is kept in the database.
        String token = csrf(get(b(), "/cases/" + caseId).body());
        HttpResponse<String> attached = multipart(a(), "/cases/" + caseId + "/attachments", token, "receipt.txt",
                "text/plain", receipt);
        assertThat(attached.statusCode()).isEqualTo(302);
        long attachment = a().bean(JdbcClient.class).sql("select id from case_attachment where case_id = :c")
                .param("c", caseId).query(Long.class).single();
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(
                        b().uri("/cases/" + caseId + "/attachments/" + attachment)).header("Cookie", sessionCookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(receipt);

        // A purchases file waiting to be mapped is kept on disk, in the folder both nodes share (RULEONE_UPLOAD_DIR).
        byte[] csv = """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom
                """.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = multipart(a(), "/purchases/imports/upload", token, "sales.csv", "text/csv",
                csv);
        assertThat(uploaded.statusCode()).isEqualTo(302);
        String mapping = uploaded.headers().firstValue("Location").orElseThrow();
        assertThat(mapping).startsWith("/purchases/imports/new?upload=");
        HttpResponse<String> mappingPage = get(b(), mapping);
        assertThat(mappingPage.statusCode()).isEqualTo(200);
        assertThat(mappingPage.body()).contains("WHITE HANGING HEART T-LIGHT HOLDER");
    }

    @Test
    @Order(6)
    void whenANodeDiesTheOtherKeepsTheSessionAndSendsTheMail() throws Exception {
        signInOn(b());
        Node dying = a();
        int port = dying.port();
        // As a machine that dies: its web server stops answering, the database server drops its connections (and
        // the locks they held), and only then does the context close.
        ((WebServerApplicationContext) dying.context()).getWebServer().stop();
        b().bean(JdbcClient.class).sql("""
                select pg_terminate_backend(pid) from pg_stat_activity
                 where application_name = :node and datname = current_database()
                """).param("node", dying.name()).query(Boolean.class).list();
        dying.context().close();
        assertThat(reachable(port)).as("node A is gone").isFalse();

        assertThat(get(b(), "/").statusCode()).as("the session still works on B").isEqualTo(200);

        String run = "after-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            b().bean(Outbox.class).enqueue(OutgoingMail.plain(run + ":" + i, store,
                    new MailAddress(storeAddress, "Two Nodes Store"),
                    new MailAddress("late-" + i + "@clients.example", "Client " + i), run + " #" + i, "Hello"));
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> received(run).size() >= 10 && queued(run) == 0);
        assertThat(copiesBySubject(received(run)).values()).hasSize(10).containsOnly(1L);
    }

    // ---- helpers

    private static void signInOn(Node node) throws Exception {
        sessionCookie = null;
        String token = csrf(get(node, "/login").body());
        HttpResponse<String> signedIn = send(node, HttpRequest.newBuilder(node.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", CLIENT_ADDRESS).header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + OWNER_EMAIL.replace("@", "%40")
                        + "&password=" + OWNER_PASSWORD.replace(' ', '+') + "&_csrf=" + token)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        sessionCookieSet = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private static HttpResponse<String> get(Node node, String path) throws Exception {
        return send(node, HttpRequest.newBuilder(node.uri(path)).GET());
    }

    /** Sends with the browser's session cookie and keeps the one the answer sets. */
    private static HttpResponse<String> send(Node node, HttpRequest.Builder request) throws Exception {
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .forEach(c -> sessionCookie = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
        return response;
    }

    private static HttpResponse<String> multipart(Node node, String path, String csrf, String fileName,
                                                  String contentType, byte[] content) throws Exception {
        String boundary = "----rule-one-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(node, HttpRequest.newBuilder(node.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> api(Node node, String token, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(node.uri("/api/cases"))
                        .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> apiQuietly(Node node, String token, String body) {
        try {
            return api(node, token, "retry-2", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean reachable(int port) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static long emailCases(JdbcClient jdbc, String run) {
        return jdbc.sql("""
                select count(*) from service_case where store_id = :store and channel = 'EMAIL' and subject like :run
                """).param("store", store).param("run", "Question " + run + "%").query(Long.class).single();
    }

    private static long queued(String run) {
        return b().bean(JdbcClient.class).sql("select count(*) from mail_outbox where status = 'QUEUED' and dedupe_key like :run")
                .param("run", run + ":%").query(Long.class).single();
    }

    private static List<MimeMessage> received(String run) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : MailroomTestSupport.GREEN_MAIL.getReceivedMessages()) {
            if (message.getSubject() != null && message.getSubject().startsWith(run + " #")) {
                found.add(message);
            }
        }
        return found;
    }

    private static Map<String, Long> copiesBySubject(List<MimeMessage> messages) {
        return messages.stream().collect(java.util.stream.Collectors.groupingBy(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }, java.util.stream.Collectors.counting()));
    }
}
