package org.ruleone.mailroom;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One GreenMail (SMTP and IMAP in this JVM, on free ports) for every mailroom test, and the application's
 * outgoing mail pointed at it; all mailroom tests extend this class so they share one application context.
 */
public abstract class MailroomTestSupport {

    public static final String PASSWORD = "imap secret 7!";
    public static final GreenMail GREEN_MAIL = start();

    private static GreenMail start() {
        GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        greenMail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        return greenMail;
    }

    @DynamicPropertySource
    static void outgoingMailToGreenMail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> GREEN_MAIL.getSmtp().getPort());
    }

    public static int imapPort() {
        return GREEN_MAIL.getImap().getPort();
    }

    /** A new mailbox on GreenMail, so tests never see each other's mail. */
    public static String newMailbox(String prefix) {
        String address = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost";
        GREEN_MAIL.setUser(address, address, PASSWORD);
        return address;
    }

    /** Hands raw bytes to GreenMail over a bare SMTP session, as a mail server would receive them. */
    public static boolean deliver(byte[] raw, String recipient) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", GREEN_MAIL.getSmtp().getPort())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO test", "250");
            command(out, in, "MAIL FROM:<sender@example.com>", "250");
            command(out, in, "RCPT TO:<" + recipient + ">", "250");
            command(out, in, "DATA", "354");
            out.write(dotStuffed(raw));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = in.readLine();
            command(out, in, "QUIT", "221");
            return reply != null && reply.startsWith("250");
        }
    }

    public static void deliver(String raw, String recipient) throws IOException {
        if (!deliver(raw.getBytes(StandardCharsets.UTF_8), recipient)) {
            throw new IllegalStateException("GreenMail refused the mail");
        }
    }

    private static byte[] dotStuffed(byte[] raw) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int start = 0;
        while (start < raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int lineEnd = end > start && raw[end - 1] == '\r' ? end - 1 : end;
            if (lineEnd > start && raw[start] == '.') {
                data.write('.');
            }
            data.write(raw, start, lineEnd - start);
            data.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            start = end + 1;
        }
        return data.toByteArray();
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String reply;
        do {
            reply = in.readLine();
            if (reply == null || !reply.startsWith(code)) {
                throw new IOException("SMTP answered " + reply + ", expected " + code);
            }
        } while (reply.length() > 3 && reply.charAt(3) == '-');
    }
}
