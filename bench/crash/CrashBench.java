import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of bench/crash/run.sh. Every request is written to a journal before it is sent ("REQ key path
 * body") and its answer after ("ACK key caseId"), so requests that got no answer can be retried with the same key.
 * <pre>
 *   load  BASE TOKEN ASSOCIATE_ID SECONDS THREADS JOURNAL   opens cases (and replies to half of them) under load
 *   retry BASE TOKEN JOURNAL                               resends every request without an ACK, same key and body
 *   check JOURNAL CASES_TSV MESSAGES_TXT MAIL_TXT|-         lost and duplicated cases, replies and reply mails
 * </pre>
 */
public class CrashBench {

    static final Pattern CASE_ID = Pattern.compile("\"caseId\":(\\d+)");
    static final int CLIENTS_WITH_EMAIL = 20;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args[1], args[2], Long.parseLong(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Path.of(args[6]));
            case "retry" -> retry(args[1], args[2], Path.of(args[3]));
            case "check" -> check(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), args[4]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    static synchronized void journal(BufferedWriter out, String line) {
        try {
            out.write(line);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer's body for a 2xx; null when there was no answer (the application was down or died meanwhile). */
    static String send(String base, String token, String path, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return response.body();
            }
            if (response.statusCode() >= 500 || response.statusCode() == 401) {
                return null; // a dying or starting application; retried later with the same key
            }
            throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static void load(String base, String token, long associate, int seconds, int threads, Path journalFile)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try (BufferedWriter out = Files.newBufferedWriter(journalFile, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            CountDownLatch done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                Thread.ofPlatform().start(() -> {
                    try {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        Path stop = Path.of(journalFile + ".stop");
                        while (System.nanoTime() < end && !Files.exists(stop)) {
                            String key = UUID.randomUUID().toString();
                            String body = "{\"client\":{\"email\":\"crash-" + random.nextInt(CLIENTS_WITH_EMAIL)
                                    + "@bench.example\"},\"channel\":\"EMAIL\",\"subject\":\"crash " + key
                                    + "\",\"message\":\"My order has not arrived.\"}";
                            journal(out, "REQ\t" + key + "\t/api/cases\t" + body);
                            String answer = send(base, token, "/api/cases", key, body);
                            if (answer == null) {
                                awaitHealthy(base); // as a client that backs off: no new request while it is down
                                continue;
                            }
                            Matcher m = CASE_ID.matcher(answer);
                            m.find();
                            journal(out, "ACK\t" + key + "\t" + m.group(1));
                            if (random.nextBoolean()) {
                                String replyKey = UUID.randomUUID().toString();
                                String reply = "{\"from\":\"ASSOCIATE\",\"associateId\":" + associate
                                        + ",\"body\":\"reply " + replyKey + "\"}";
                                String path = "/api/cases/" + m.group(1) + "/messages";
                                journal(out, "REQ\t" + replyKey + "\t" + path + "\t" + reply);
                                String replied = send(base, token, path, replyKey, reply);
                                if (replied != null) {
                                    journal(out, "ACK\t" + replyKey + "\t" + m.group(1));
                                }
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        }
    }

    static void awaitHealthy(String base) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // still down
            }
            Thread.sleep(500);
        }
    }

    record Request(String key, String path, String body) {
    }

    static Map<String, Request> requests(Path journalFile) throws IOException {
        Map<String, Request> requests = new LinkedHashMap<>();
        for (String line : Files.readAllLines(journalFile)) {
            String[] f = line.split("\t", 4);
            if (f[0].equals("REQ")) {
                requests.put(f[1], new Request(f[1], f[2], f[3]));
            }
        }
        return requests;
    }

    static Map<String, String> acks(Path journalFile) throws IOException {
        Map<String, String> acks = new HashMap<>();
        for (String line : Files.readAllLines(journalFile)) {
            String[] f = line.split("\t", 3);
            if (f[0].equals("ACK")) {
                acks.put(f[1], f[2]);
            }
        }
        return acks;
    }

    static void retry(String base, String token, Path journalFile) throws Exception {
        Map<String, Request> requests = requests(journalFile);
        Map<String, String> acks = acks(journalFile);
        int retried = 0;
        try (BufferedWriter out = Files.newBufferedWriter(journalFile, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND)) {
            for (Request r : requests.values()) {
                if (acks.containsKey(r.key())) {
                    continue;
                }
                retried++;
                String answer = null;
                for (int attempt = 0; attempt < 60 && answer == null; attempt++) {
                    answer = send(base, token, r.path(), r.key(), r.body());
                    if (answer == null) {
                        Thread.sleep(1000);
                    }
                }
                if (answer == null) {
                    throw new IllegalStateException("no answer to " + r.key() + " after a minute of retries");
                }
                Matcher m = CASE_ID.matcher(answer);
                m.find();
                journal(out, "ACK\t" + r.key() + "\t" + m.group(1));
            }
        }
        System.out.printf("requests sent: %d, retried after the crashes with the same key: %d%n", requests.size(),
                retried);
    }

    /**
     * CASES_TSV: "subject TAB id" of every case whose subject starts with "crash "; MESSAGES_TXT: the body of every
     * message that starts with "reply "; MAIL_TXT: one line per "reply KEY" found in the mails GreenMail received,
     * or "-" when mail was not checked.
     */
    static void check(Path journalFile, Path casesFile, Path messagesFile, String mailFile) throws IOException {
        Map<String, Request> requests = requests(journalFile);
        Map<String, String> acks = acks(journalFile);
        Map<String, List<String>> casesByKey = new HashMap<>();
        for (String line : Files.readAllLines(casesFile)) {
            String[] f = line.split("\t");
            casesByKey.computeIfAbsent(f[0].substring("crash ".length()), k -> new java.util.ArrayList<>()).add(f[1]);
        }
        Map<String, Integer> repliesByKey = count(Files.readAllLines(messagesFile), "reply ");
        int lost = 0;
        int duplicated = 0;
        int opened = 0;
        int replies = 0;
        Set<String> ackedReplies = new HashSet<>();
        for (Request r : requests.values()) {
            String ack = acks.get(r.key());
            if (ack == null) {
                System.out.println("never acknowledged: " + r.key());
                lost++;
                continue;
            }
            if (r.path().equals("/api/cases")) {
                opened++;
                List<String> found = casesByKey.getOrDefault(r.key(), List.of());
                if (found.isEmpty() || !found.contains(ack)) {
                    System.out.println("lost case: " + r.key() + " (acknowledged as case " + ack + ")");
                    lost++;
                }
                if (found.size() > 1) {
                    System.out.println("duplicated case: " + r.key() + " " + found);
                    duplicated += found.size() - 1;
                }
            } else {
                replies++;
                ackedReplies.add(r.key());
                int n = repliesByKey.getOrDefault(r.key(), 0);
                if (n == 0) {
                    System.out.println("lost reply: " + r.key());
                    lost++;
                } else if (n > 1) {
                    System.out.println("duplicated reply: " + r.key() + " x" + n);
                    duplicated += n - 1;
                }
            }
        }
        System.out.printf("acknowledged: %d cases, %d replies%n", opened, replies);
        if (mailFile.equals("-") || !Files.exists(Path.of(mailFile))) {
            System.out.println("NOTICE: reply mails not checked (GreenMail was not read)");
        } else {
            Map<String, Integer> mailed = count(Files.readAllLines(Path.of(mailFile)), "reply ");
            if (mailed.isEmpty()) {
                System.out.println("NOTICE: GreenMail received no reply mail: replies are not sent by mail in this "
                        + "build (outbox and reply listener not merged yet); mail check skipped");
            } else {
                int mailLost = 0;
                int mailDuplicated = 0;
                for (String key : ackedReplies) {
                    int n = mailed.getOrDefault(key, 0);
                    if (n == 0) {
                        mailLost++;
                    } else if (n > 1) {
                        mailDuplicated += n - 1;
                    }
                }
                System.out.printf("reply mails received: %d for %d acknowledged replies (missing %d, extra %d)%n",
                        mailed.values().stream().mapToInt(Integer::intValue).sum(), ackedReplies.size(), mailLost,
                        mailDuplicated);
                lost += mailLost;
                duplicated += mailDuplicated;
            }
        }
        System.out.printf("lost: %d, duplicated: %d%n", lost, duplicated);
    }

    static Map<String, Integer> count(List<String> lines, String prefix) {
        Map<String, Integer> counts = new HashMap<>();
        Pattern marker = Pattern.compile(Pattern.quote(prefix) + "([0-9a-f-]{36})");
        for (String line : lines) {
            Matcher m = marker.matcher(line);
            while (m.find()) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }
}
