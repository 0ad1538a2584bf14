import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages an associate and an owner open all day, on the chain data set, against the lightest signed-in page in the
 * same run. Each page is requested ROUNDS times one after the other (after a warm-up) and its p95 divided by the
 * baseline's p95. Also a stylesheet with and without the session cookie.
 * Usage: java PagesBench.java BASE ROUNDS ASSOCIATE_EMAIL OWNER_EMAIL PASSWORD CLIENT_ID SEARCH_TEXT
 */
public class PagesBench {

    record Page(String name, HttpClient who, String path, boolean htmx) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rounds = Integer.parseInt(args[1]);
        HttpClient associate = signedIn(base, args[2], args[4]);
        HttpClient owner = signedIn(base, args[3], args[4]);
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        Page baseline = new Page("baseline: the add-a-client form (associate)", associate, "/clients/new", false);
        List<Page> pages = List.of(
                new Page("my book (associate)", associate, "/book", false),
                new Page("a client page (associate)", associate, "/clients/" + args[5], false),
                new Page("the case list (associate)", associate, "/cases", false),
                new Page("tasks (associate)", associate, "/tasks", false),
                new Page("misspelt client search (associate)", associate,
                        "/clients?q=" + URLEncoder.encode(args[6], StandardCharsets.UTF_8), true),
                new Page("the store's experience figures (associate)", associate, "/experience", false),
                new Page("the owner's home (owner)", owner, "/", false));

        List<Page> all = new ArrayList<>(pages);
        all.add(0, baseline);
        for (Page p : all) { // warm-up: JIT, pools, PostgreSQL's caches
            measure(base, p, Math.min(rounds, 30));
        }
        Map<Page, List<Long>> times = new LinkedHashMap<>();
        for (Page p : all) {
            times.put(p, measure(base, p, rounds));
        }
        long basel = pct(times.get(baseline), 95);
        System.out.printf("%-46s p50 %7.1f ms  p95 %7.1f ms%n", baseline.name(), ms(pct(times.get(baseline), 50)),
                ms(basel));
        double worst = 0;
        String worstName = "";
        for (Page p : pages) {
            double ratio = (double) pct(times.get(p), 95) / basel;
            System.out.printf("%-46s p50 %7.1f ms  p95 %7.1f ms  ratio %5.2f%n", p.name(),
                    ms(pct(times.get(p), 50)), ms(pct(times.get(p), 95)), ratio);
            if (ratio > worst) {
                worst = ratio;
                worstName = p.name();
            }
        }
        Page cssSigned = new Page("stylesheet, session cookie", associate, "/css/app.css", false);
        Page cssAnonymous = new Page("stylesheet, no cookie", anonymous, "/css/app.css", false);
        measure(base, cssSigned, 30);
        measure(base, cssAnonymous, 30);
        List<Long> signedCss = measure(base, cssSigned, rounds);
        List<Long> anonymousCss = measure(base, cssAnonymous, rounds);
        System.out.printf("stylesheet p95: %.1f ms with the session cookie, %.1f ms without%n",
                ms(pct(signedCss, 95)), ms(pct(anonymousCss, 95)));
        System.out.printf("worst: %s%n", worstName);
        System.out.printf("pages/baseline worst ratio: %.2f%n", worst);
    }

    static List<Long> measure(String base, Page page, int n) throws Exception {
        List<Long> times = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            var builder = HttpRequest.newBuilder(URI.create(base + page.path())).GET();
            if (page.htmx()) {
                builder.header("HX-Request", "true");
            }
            long start = System.nanoTime();
            HttpResponse<byte[]> response = page.who().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            times.add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(page.path() + " answered " + response.statusCode());
            }
        }
        Collections.sort(times);
        return times;
    }

    static HttpClient signedIn(String base, String email, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "_csrf=" + enc(csrf.group(1)) + "&username=" + enc(email) + "&password=" + enc(password);
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = signIn.headers().firstValue("Location").orElse("");
        if (signIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + email + " failed: " + signIn.statusCode() + " " + location);
        }
        return http;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
