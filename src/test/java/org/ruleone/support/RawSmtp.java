package org.ruleone.support;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare SMTP client for tests, so a mail's bytes reach the server as another mail server would hand them over,
 * not rewritten by a mail library.
 */
public final class RawSmtp {

    private RawSmtp() {
    }

    /** Delivers the bytes to one recipient; false when the server refused the mail's data. */
    public static boolean deliver(int port, byte[] raw, String recipient) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
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
