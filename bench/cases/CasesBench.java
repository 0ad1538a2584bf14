import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens cases through POST /api/cases at a fixed concurrency and prints cases/s, p50 and p99.
 * Usage: java CasesBench.java BASE_URL TOKEN CLIENTS CONCURRENCY WARMUP_SECONDS SECONDS OUT_IDS_FILE
 * First adds CLIENTS clients (by e-mail, which opens a case each), then warms up by opening cases for them by id,
 * then measures the same for SECONDS. Writes the client ids to OUT_IDS_FILE (one a line) for pgbench.
 */
public class CasesBench {

    static final Pattern CUSTOMER = Pattern.compile("\"customerId\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        run(concurrency, () -> {
            int i;
            while ((i = next.getAndIncrement()) < clients) {
                String body = "{\"client\":{\"email\":\"bench-" + i + "@bench.example\",\"firstName\":\"Bench\","
                        + "\"lastName\":\"Client " + i + "\"},\"subject\":\"First visit\",\"message\":\"Hello\"}";
                String answer = open(http, base, token, body, UUID.randomUUID().toString());
                Matcher m = CUSTOMER.matcher(answer);
                if (m.find()) {
                    ids.add(Long.parseLong(m.group(1)));
                }
            }
        });
        if (ids.size() < clients) {
            throw new IllegalStateException("only " + ids.size() + " of " + clients + " clients were added");
        }
        java.nio.file.Files.write(java.nio.file.Path.of(args[6]), ids.stream().map(String::valueOf).toList());

        phase(http, base, token, ids, concurrency, warmup);
        Result r = phase(http, base, token, ids, concurrency, seconds);
        System.out.printf("API: %d cases opened in %.1f s by %d clients (%d failed)%n", r.latencies.size(),
                r.seconds, concurrency, r.failed);
        System.out.printf("cases/s: %.1f%n", r.latencies.size() / r.seconds);
        System.out.printf("latency p50: %.1f ms, p99: %.1f ms%n", pct(r.latencies, 50) / 1e6,
                pct(r.latencies, 99) / 1e6);
    }

    record Result(List<Long> latencies, double seconds, int failed) {
    }

    static Result phase(HttpClient http, String base, String token, List<Long> ids, int concurrency, int seconds)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        run(concurrency, () -> {
            java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                long customer = ids.get(random.nextInt(ids.size()));
                String body = "{\"client\":{\"id\":" + customer + "},\"channel\":\"WEB_FORM\",\"subject\":\"Order "
                        + random.nextInt(1_000_000) + "\",\"message\":\"Where is my parcel? It was due yesterday.\"}";
                long t0 = System.nanoTime();
                try {
                    open(http, base, token, body, UUID.randomUUID().toString());
                    latencies.add(System.nanoTime() - t0);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(new ArrayList<>(latencies), elapsed, failed.get());
    }

    static String open(HttpClient http, String base, String token, String body, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/cases"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void run(int threads, Runnable work) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().start(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    System.err.println(e.getMessage());
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
    }

    static double pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
