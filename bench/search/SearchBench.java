import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client search against a running Rule One, signed in as the owner (who searches all 300 stores):
 * p50/p95 of a typo- and accent-damaged name search next to p50/p95 of opening one client's page by id.
 * Usage: java SearchBench.java BASE_URL EMAIL PASSWORD SAMPLES_FILE ROUNDS
 * SAMPLES_FILE lines: customer_id<TAB>folded last name<TAB>first name
 */
public class SearchBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rounds = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(http, base, args[1], args[2]);

        List<String[]> samples = Files.readAllLines(Path.of(args[3])).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
        Function<String[], String> searchUrl = s -> base + "/clients?q="
                + URLEncoder.encode(misspell(s[1]), StandardCharsets.UTF_8);
        Function<String[], String> pageUrl = s -> base + "/clients/" + s[0];

        // Warm-up: JIT, connection pool, PostgreSQL caches.
        measure(http, samples, searchUrl, Math.min(rounds, 50), true);
        measure(http, samples, pageUrl, Math.min(rounds, 50), false);

        List<Long> search = measure(http, samples, searchUrl, rounds, true);
        List<Long> byId = measure(http, samples, pageUrl, rounds, false);
        System.out.printf("client search (%d requests, misspelt name, htmx fragment): p50 %.1f ms, p95 %.1f ms%n",
                rounds, ms(pct(search, 50)), ms(pct(search, 95)));
        System.out.printf("client by id  (%d requests, full client page):          p50 %.1f ms, p95 %.1f ms%n",
                rounds, ms(pct(byId, 50)), ms(pct(byId, 95)));
        System.out.printf("search/by-id p95 ratio: %.2f%n", (double) pct(search, 95) / pct(byId, 95));
    }

    /** Drops the accents (the samples come folded) and swaps two letters in the middle: a typical typo. */
    static String misspell(String name) {
        if (name.length() < 5) {
            return name;
        }
        int i = name.length() / 2;
        return name.substring(0, i - 1) + name.charAt(i) + name.charAt(i - 1) + name.substring(i + 1);
    }

    static List<Long> measure(HttpClient http, List<String[]> samples, Function<String[], String> url, int n,
                              boolean htmx) throws Exception {
        List<Long> times = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            var builder = HttpRequest.newBuilder(URI.create(url.apply(samples.get(i % samples.size())))).GET();
            if (htmx) {
                builder.header("HX-Request", "true");
            }
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            times.add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url.apply(samples.get(i % samples.size())) + " answered " + response.statusCode());
            }
        }
        Collections.sort(times);
        return times;
    }

    static void signIn(HttpClient http, String base, String email, String password) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + m.group(1);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException("sign-in failed: " + location);
        }
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
