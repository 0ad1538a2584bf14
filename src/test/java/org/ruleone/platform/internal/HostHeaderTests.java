package org.ruleone.platform.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client chooses the {@code Host} header; redirects must not repeat it. Over real Tomcat (the same context as the
 * browser journeys), since Tomcat is what turned a relative redirect into an absolute one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostHeaderTests {

    @LocalServerPort
    int port;

    @Test
    void redirectsWithoutTheHostTheClientSent() throws Exception {
        List<String> head = rawGet("/clients", "evil.example");
        assertThat(head.getFirst()).contains(" 302");
        assertThat(head).filteredOn(line -> line.regionMatches(true, 0, "Location:", 0, 9))
                .singleElement().asString().doesNotContain("evil.example").matches("(?i)location: /(login|setup)");
    }

    @Test
    void turnsAbsoluteRedirectsToTheRequestsOwnHostIntoPaths() {
        var request = new MockHttpServletRequest("GET", "/");
        request.addHeader("Host", "evil.example");
        assertThat(OperationsConfiguration.relative(request, "http://evil.example/clients?continue"))
                .isEqualTo("/clients?continue");
        assertThat(OperationsConfiguration.relative(request, "http://evil.example//other.example/x")).isEqualTo("/other.example/x");
        assertThat(OperationsConfiguration.relative(request, "https://shop.example/unsubscribe"))
                .isEqualTo("https://shop.example/unsubscribe");
        assertThat(OperationsConfiguration.relative(request, "/login?logout")).isEqualTo("/login?logout");
    }

    private List<String> rawGet(String path, String host) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line);
            }
            return head;
        }
    }
}
