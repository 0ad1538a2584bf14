package org.ruleone.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/** Every real-world fixture handed over by SMTP, fetched back over IMAP with Jakarta Mail, then parsed. */
class ImapMailRoundTripTests {

    private static final String MAILBOX = "store@localhost";
    private static final String PASSWORD = "secret";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private final MailParser parser = new MailParser(DataSize.ofMegabytes(10));

    @Test
    void carriesEveryRealWorldMailThroughSmtpAndImapToTheSameParseResult() throws Exception {
        greenMail.setUser(MAILBOX, MAILBOX, PASSWORD);
        List<Path> fixtures = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path fixture : MailFixtures.all()) {
            if (deliverOverSmtp(Files.readAllBytes(fixture))) {
                fixtures.add(fixture);
            } else {
                refused.add(fixture.getFileName().toString());
            }
        }

        List<byte[]> fetched = fetchOverImap();

        // GreenMail's own MIME structure parser fails on this one spam mail's Content-Type and answers 451;
        // a real mail server stores it, and the parser reads it (see MailParserTests).
        assertThat(refused).as("refused by GreenMail").containsExactly("spam.eml");
        assertThat(fetched.size()).as("fetched over IMAP").isEqualTo(fixtures.size());
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < fixtures.size(); i++) {
            ParseResult direct = parser.parse(Files.readAllBytes(fixtures.get(i)));
            ParseResult overImap = parser.parse(fetched.get(i));
            String name = fixtures.get(i).toString();
            softly.assertThat(overImap.getClass()).as(name).isEqualTo(direct.getClass());
            if (direct instanceof ParseResult.Parsed(InboundMail expected)
                    && overImap instanceof ParseResult.Parsed(InboundMail actual)) {
                softly.assertThat(actual.subject()).as(name).isEqualTo(expected.subject());
                softly.assertThat(actual.from()).as(name).isEqualTo(expected.from());
                softly.assertThat(actual.messageId()).as(name).isEqualTo(expected.messageId());
                softly.assertThat(actual.kind()).as(name).isEqualTo(expected.kind());
                softly.assertThat(actual.attachments()).as(name).hasSameSizeAs(expected.attachments());
                softly.assertThat(actual.textBody().replace("\r", "")).as(name)
                        .isEqualTo(expected.textBody().replace("\r", ""));
            }
        }
        softly.assertAll();
    }

    private List<byte[]> fetchOverImap() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.fetchsize", String.valueOf(1 << 20));
        Session session = Session.getInstance(properties);
        List<byte[]> raws = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), MAILBOX, PASSWORD);
            try (Folder inbox = store.getFolder("INBOX")) {
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    message.writeTo(raw);
                    raws.add(raw.toByteArray());
                }
            }
        }
        return raws;
    }

    /** A bare SMTP client, so the bytes arrive as a mail server would hand them over, not rewritten by a library. */
    private static boolean deliverOverSmtp(byte[] raw) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", greenMail.getSmtp().getPort())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO test", "250");
            command(out, in, "MAIL FROM:<sender@example.com>", "250");
            command(out, in, "RCPT TO:<" + MAILBOX + ">", "250");
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
            assertThat(reply).as("SMTP reply").isNotNull().startsWith(code);
        } while (reply.length() > 3 && reply.charAt(3) == '-');
    }
}
