package org.ruleone.platform.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.Uploads;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file over the upload limit, sent to the real server (MockMvc never parses multipart bodies): the person is sent
 * back to the upload page, which says the limit, instead of a "forbidden" page or a reset connection. Same
 * configuration as the browser journeys, so the suite shares their server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadTooLargeTests {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired TestPeople people;
    @Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize;
    HttpClient http;

    @BeforeEach
    void signedInManager() throws Exception {
        SignedInAssociate manager = people.person(Role.MANAGER, people.store("Big files " + System.nanoTime()));
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = get("/login");
        String form = "username=" + URLEncoder.encode(manager.email(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestPeople.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf(login);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    @Test
    void sendsAPurchaseFileOverTheLimitBackToTheUploadPageThatSaysTheLimit() throws Exception {
        HttpResponse<String> answer = postFile(uploadAction("/purchases/imports"), "/purchases/imports");

        assertThat(answer.statusCode()).isEqualTo(303);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/purchases/imports?refused=TOO_LARGE");
        assertThat(get(location)).contains("This file is larger than 100 MB, the largest file you can upload.");

        HttpResponse<String> htmx = postFile(uploadAction("/purchases/imports"), "/purchases/imports", true);
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.headers().firstValue("HX-Redirect")).contains("/purchases/imports?refused=TOO_LARGE");
    }

    @Test
    void acceptsUploadsUpToTheLimitThePagesSay() {
        assertThat(maxRequestSize.toBytes()).isEqualTo(Uploads.MAX_BYTES);
    }

    @Test
    void sendsAProductFileOverTheLimitBackToTheProductImportPage() throws Exception {
        HttpResponse<String> answer = postFile(uploadAction("/products/import"), "/products/import");

        assertThat(answer.statusCode()).isEqualTo(303);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/products/import?refused=TOO_LARGE");
        assertThat(get(location)).contains("This file is larger than 100 MB, the largest file you can upload.");
    }

    /** The action of the page's upload form, as a browser without JavaScript would post it. */
    private String uploadAction(String page) throws Exception {
        String html = get(page);
        Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*multipart/form-data").matcher(html);
        assertThat(form.find()).as("an upload form on " + page).isTrue();
        return form.group(1);
    }

    private HttpResponse<String> postFile(String action, String referer) throws Exception {
        return postFile(action, referer, false);
    }

    private HttpResponse<String> postFile(String action, String referer, boolean htmx) throws Exception {
        String boundary = "----ruleone" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long size = Uploads.MAX_BYTES + 1024 * 1024;
        long length = head.length + size + tail.length;
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(List.of(
                        new ByteArrayInputStream(head), new Lines(size), new ByteArrayInputStream(tail))))), length);
        HttpRequest.Builder request = HttpRequest.newBuilder(url(action)).header("Referer", url(referer).toString())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body);
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        URI uri = path.startsWith("http") ? URI.create(path) : url(path);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF field").isTrue();
        return m.group(1);
    }

    /** {@code size} bytes of CSV-looking text, made as they are read. */
    private static final class Lines extends InputStream {
        private static final byte[] LINE = "A1,S1,MUG,1,2011-01-02 10:00:00,1.50,17850,France\n"
                .getBytes(StandardCharsets.US_ASCII);
        private long left;

        Lines(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? LINE[(int) (left % LINE.length)] : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = LINE[(int) ((left - i) % LINE.length)];
            }
            left -= n;
            return n;
        }
    }
}
