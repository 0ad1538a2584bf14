package org.ruleone.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import org.ruleone.support.RawSmtp;
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

        // GreenMail stores every fixture, spam.eml too (before 2.1.6 its MIME structure parser answered 451 to it).
        assertThat(refused).as("refused by GreenMail").isEmpty();
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

    private static boolean deliverOverSmtp(byte[] raw) throws IOException {
        return RawSmtp.deliver(greenMail.getSmtp().getPort(), raw, MAILBOX);
    }
}
