package org.ruleone.platform.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to a checked {@link WebhookAddresses.Target}: the socket connects to a checked address itself
 * (never a fresh lookup), while TLS sends the host's name (SNI) and verifies the certificate against it, and the Host
 * header names it too. No redirect is followed, no proxy is used, the connection closes after the answer, and only
 * the status and the first {@link #BODY_CAP} bytes of the body are read, within the read timeout as a whole.
 */
final class WebhookPost {

    static final int BODY_CAP = 1024;
    private static final int HEAD_CAP = 16 * 1024;

    /** The answer: its status and the start of its body (as UTF-8, NUL removed: PostgreSQL text cannot hold it). */
    record Answer(int status, String bodyStart) {
        boolean success() {
            return status >= 200 && status < 300;
        }
    }

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final SSLSocketFactory tlsSockets;

    WebhookPost(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** With the given TLS sockets (the JDK's trusted authorities in production; a test's own in tests). */
    WebhookPost(Duration connectTimeout, Duration readTimeout, SSLSocketFactory tlsSockets) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.tlsSockets = tlsSockets;
    }

    Answer post(WebhookAddresses.Target target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = connect(target)) {
            long deadline = System.nanoTime() + readTimeout.toNanos();
            OutputStream out = socket.getOutputStream();
            out.write(head(target, headers, body.length).getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = new BufferedInputStream(new Deadline(socket, deadline));
            return read(in);
        }
    }

    private Socket connect(WebhookAddresses.Target target) throws IOException {
        IOException last = null;
        for (InetAddress address : target.addresses()) {
            Socket plain = new Socket();
            try {
                plain.connect(new InetSocketAddress(address, target.port()), (int) connectTimeout.toMillis());
                plain.setSoTimeout((int) readTimeout.toMillis());
                return target.https() ? tls(plain, target) : plain;
            } catch (IOException e) {
                plain.close();
                last = e;
            }
        }
        throw last != null ? last : new IOException("no address to connect to");
    }

    private Socket tls(Socket plain, WebhookAddresses.Target target) throws IOException {
        SSLSocket tls = (SSLSocket) tlsSockets.createSocket(plain, target.host(), target.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
        if (!isLiteral(target.host())) {
            parameters.setServerNames(List.of(new SNIHostName(target.host())));
        }
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String head(WebhookAddresses.Target target, Map<String, String> headers, int length) {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty()
                ? "/" : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        StringBuilder head = new StringBuilder()
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.uri().getRawAuthority()).append("\r\n")
                .append("User-Agent: RuleOne-Webhooks/1\r\n")
                .append("Content-Type: application/json; charset=utf-8\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP answer");
        }
        int status = Integer.parseInt(parts[1]);
        boolean chunked = false;
        long length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("content-length:")) {
                length = parseLength(lower.substring("content-length:".length()).strip());
            }
        }
        byte[] start = chunked ? chunkedStart(in) : bodyStart(in, length < 0 ? BODY_CAP : Math.min(length, BODY_CAP));
        String text = new String(start, StandardCharsets.UTF_8).replace("\u0000", "");
        return new Answer(status, text);
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] bodyStart(InputStream in, long cap) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[BODY_CAP];
        while (body.size() < cap) {
            int n;
            try {
                n = in.read(buffer, 0, (int) Math.min(buffer.length, cap - body.size()));
            } catch (SocketTimeoutException | javax.net.ssl.SSLException endOfWhatWeWait) {
                break; // the status is what counts; a body that never ends is cut here
            }
            if (n < 0) {
                break;
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private static byte[] chunkedStart(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (body.size() < BODY_CAP) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size <= 0) {
                break;
            }
            byte[] chunk = bodyStart(in, Math.min(size, BODY_CAP - body.size()));
            body.write(chunk);
            if (chunk.length < size) {
                break;
            }
            line(in);
        }
        return body.toByteArray();
    }

    /** A line of the head, without its CRLF; a head longer than allowed is refused. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                if (line.size() == 0) {
                    throw new IOException("the connection closed before an answer");
                }
                break;
            }
            if (line.size() >= HEAD_CAP) {
                throw new IOException("the answer's head is too long");
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** The socket's input with one deadline for the whole answer, not one per read. */
    private static final class Deadline extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        Deadline(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        private void arm() throws IOException {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("read timeout");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        }

        @Override
        public int read() throws IOException {
            arm();
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return in.read(b, off, len);
        }
    }
}
