package org.ruleone.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server for tests that answers each recipient as told: {@code refuse} maps an address to the reply a
 * real server gives a dead mailbox ({@code 550 …}) or a busy one ({@code 451 …}); every other recipient is accepted
 * and the Message-ID and recipient of each accepted mail are kept, in the order they arrived. GreenMail accepts every
 * recipient, so it cannot show what the outbox does with one refused recipient in a batch.
 */
final class PickySmtpServer implements AutoCloseable {

    /** One mail the server accepted. */
    record Accepted(String to, String messageId) {
    }

    private final ServerSocket socket;
    private final Map<String, String> refuse;
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    PickySmtpServer(int port, Map<String, String> refuse) throws IOException {
        this.socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.refuse = Map.copyOf(refuse);
        threads.execute(this::acceptConnections);
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    /** How many SMTP connections were opened to it. */
    int connections() {
        return connections.get();
    }

    private void acceptConnections() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                threads.execute(() -> converse(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            say(out, "220 picky.example ESMTP");
            String to = null;
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    say(out, "250 picky.example");
                } else if (upper.startsWith("MAIL FROM")) {
                    to = null;
                    say(out, "250 OK");
                } else if (upper.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    String refusal = refuse.get(address);
                    if (refusal != null) {
                        say(out, refusal);
                    } else {
                        to = address;
                        say(out, "250 OK");
                    }
                } else if (upper.startsWith("DATA")) {
                    if (to == null) {
                        say(out, "503 no valid recipients");
                        continue;
                    }
                    say(out, "354 go ahead");
                    String messageId = null;
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                            messageId = line.substring(11).strip();
                        }
                    }
                    accepted.add(new Accepted(to, messageId));
                    to = null;
                    say(out, "250 OK queued");
                } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
                    to = null;
                    say(out, "250 OK");
                } else if (upper.startsWith("QUIT")) {
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "502 not implemented");
                }
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
