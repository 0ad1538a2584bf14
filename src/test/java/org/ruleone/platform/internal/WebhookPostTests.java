package org.ruleone.platform.internal;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Over TLS, the poster connects to the pinned address while the certificate is checked against the URL's name: a
 * receiver with a certificate for its name is reached at an address no lookup gave, one for another name is not.
 */
class WebhookPostTests {

    private static final String NAME = "hooks.pinned.test";
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir static Path dir;
    static HttpsServer server;
    static SSLContext client;
    static final AtomicReference<String> host = new AtomicReference<>();

    @BeforeAll
    static void aReceiverWithACertificateForItsName() throws Exception {
        Path keys = dir.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + NAME, "-ext", "san=dns:" + NAME, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keys.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(store, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(km.getKeyManagers(), null, null);
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(store);
        client = SSLContext.getInstance("TLS");
        client.init(null, tm.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            host.set(exchange.getRequestHeaders().getFirst("Host"));
            byte[] answer = "received".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static WebhookAddresses.Target pinned(String name) {
        int port = server.getAddress().getPort();
        return new WebhookAddresses.Target(URI.create("https://" + name + ":" + port + "/hook"), name, port, true,
                List.of(InetAddress.getLoopbackAddress()));
    }

    private static WebhookPost poster() {
        return new WebhookPost(Duration.ofSeconds(5), Duration.ofSeconds(10), client.getSocketFactory());
    }

    @Test
    void reachesThePinnedAddressAndChecksTheCertificateAgainstTheName() throws Exception {
        WebhookPost.Answer answer = poster().post(pinned(NAME), Map.of(), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.bodyStart()).isEqualTo("received");
        assertThat(host.get()).isEqualTo(NAME + ":" + server.getAddress().getPort());
    }

    @Test
    void refusesAReceiverWhoseCertificateIsForAnotherName() {
        assertThatThrownBy(() -> poster().post(pinned("hooks.other.test"), Map.of(),
                "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void readsTheFirstKilobyteOfAChunkedAnswer() throws Exception {
        String answer = "<p>" + "é".repeat(600) + "</p>" + "z".repeat(3000);
        com.sun.net.httpserver.HttpServer plain = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, 0); // no length: chunked
            for (int i = 0; i < answer.length(); i += 700) {
                exchange.getResponseBody().write(answer.substring(i, Math.min(answer.length(), i + 700))
                        .getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
            }
            exchange.close();
        });
        plain.start();
        try {
            int port = plain.getAddress().getPort();
            WebhookPost.Answer got = poster().post(new WebhookAddresses.Target(
                    URI.create("http://localhost:" + port + "/hook"), "localhost", port, false,
                    List.of(InetAddress.getLoopbackAddress())), Map.of(), "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(got.status()).isEqualTo(503);
            byte[] first = java.util.Arrays.copyOf(answer.getBytes(StandardCharsets.UTF_8), 1024);
            assertThat(got.bodyStart()).isEqualTo(new String(first, StandardCharsets.UTF_8));
        } finally {
            plain.stop(0);
        }
    }
}
