import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records one till purchase per client through POST /api/purchases at a fixed concurrency (each schedules a survey
 * invitation) and prints purchases per second.
 * Usage: java InvitationsBench.java BASE_URL TOKEN STORE_ID CLIENTS CONCURRENCY
 * The clients' POS numbers are B1 … B&lt;CLIENTS&gt;.
 */
public class InvitationsBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        long store = Long.parseLong(args[2]);
        int clients = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) <= clients) {
                    String body = "{\"storeId\":" + store + ",\"invoice\":\"S-" + i + "\",\"date\":\""
                            + java.time.OffsetDateTime.now() + "\",\"customerId\":\"B" + i + "\",\"lines\":"
                            + "[{\"sku\":\"LOAFER\",\"description\":\"Loafers\",\"quantity\":1,\"unitPrice\":\"120.00\"}]}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/purchases"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    try {
                        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != 201) {
                            failed.incrementAndGet();
                            System.err.println(answer.statusCode() + " " + answer.body());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("till purchases recorded: %d in %.1f s by %d clients (%d failed), %.1f per second%n",
                clients - failed.get(), seconds, concurrency, failed.get(), (clients - failed.get()) / seconds);
        if (failed.get() > 0) {
            System.exit(1);
        }
    }
}
