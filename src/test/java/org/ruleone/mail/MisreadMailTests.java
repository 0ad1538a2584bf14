package org.ruleone.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruleone.shared.Language;
import org.springframework.util.unit.DataSize;

/**
 * Mail that real mailers get wrong and lenient readers still show right: raw 8-bit headers, encoded words with
 * spaces, bodies whose charset label is missing, bogus or wrong, and bounces from before delivery reports.
 * The fixtures are in src/test/resources/mail/.
 */
class MisreadMailTests {

    private static final String POLISH = "Dzień dobry,\nZażółć gęślą jaźń.\nKurtka jest za mała, proszę o zwrot pieniędzy.\nŚwiętokrzyska 5, Łódź";

    private final MailParser parser = new MailParser(DataSize.ofMegabytes(10));

    @Test
    void readsRawLatin1HeaderBytesAsWindows1252() {
        InboundMail mail = parsed("raw-latin1-headers.eml", Language.EN);

        assertThat(mail.subject()).isEqualTo("Die Hasen und die Frösche");
        assertThat(mail.from().displayName()).isEqualTo("Jürgen Müller");
        assertThat(mail.textBody()).isEqualTo("Grüße aus Köln");
    }

    @Test
    void readsRawUtf8HeaderBytesAndAttachmentFileNamesAsUtf8() {
        InboundMail mail = parsed("raw-utf8-file-name.eml", Language.FR);

        assertThat(mail.subject()).isEqualTo("Bon de retour – Zoë");
        assertThat(mail.from().displayName()).isEqualTo("Zoë Ciëlen");
        assertThat(mail.attachments()).extracting(MailAttachment::fileName).containsExactly("ciële.txt");
    }

    @Test
    void decodesEncodedWordsWithSpacesInsideAsLenientReadersDo() {
        InboundMail mail = parsed("encoded-words-with-spaces.eml", Language.PL);

        assertThat(mail.subject()).isEqualTo("Test1 ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż");
        assertThat(mail.from().displayName()).isEqualTo("Paweł Kowalski");
    }

    @Test
    void detectsPolishIso88592InABodyWithoutCharsetLabel() {
        assertThat(body(parsed("polish-iso-8859-2-unlabelled.eml", Language.PL))).isEqualTo(POLISH);
    }

    @Test
    void detectsPolishWindows1250InABodyWithABogusCharsetLabel() {
        assertThat(body(parsed("polish-windows-1250-bogus-label.eml", Language.PL))).isEqualTo(POLISH);
    }

    @Test
    void readsUtf8InABodyLabelledGb2312AsUtf8() {
        assertThat(body(parsed("polish-utf-8-labelled-gb2312.eml", Language.EN))).isEqualTo(POLISH);
    }

    @Test
    void detectsPolishWindows1250InABodyLabelledUtf8ThatIsNotUtf8() {
        byte[] head = ("From: a@example.pl\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
                .getBytes(Charset.forName("US-ASCII"));
        byte[] body = "Zażółć gęślą jaźń".getBytes(Charset.forName("windows-1250"));
        byte[] mail = new byte[head.length + body.length];
        System.arraycopy(head, 0, mail, 0, head.length);
        System.arraycopy(body, 0, mail, head.length, body.length);

        assertThat(((ParseResult.Parsed) parser.parse(mail, List.of(Language.PL))).mail().textBody())
                .isEqualTo("Zażółć gęślą jaźń");
    }

    @Test
    void stillTrustsACorrectLabelThatDecodesCleanly() {
        assertThat(body(parsed("polish-windows-1250-labelled.eml", Language.EN))).isEqualTo(POLISH);
        // Japanese labelled gb2312 by Exchange (a real report): GB2312 has kana, and the label is right
        String japanese = ((ParseResult.Parsed) parser.parse(MailFixtures.read("php-mime-mail-parser/failure.eml")))
                .mail().textBody();
        assertThat(japanese).startsWith("次の受信者またはグル");
    }

    @Test
    void detectsAShortPolishPhraseInEitherPolishCharsetForAPolishStore() {
        for (String charset : List.of("ISO-8859-2", "windows-1250")) {
            assertThat(unlabelled("Zażółć gęślą jaźń", charset, Language.PL)).as(charset).isEqualTo("Zażółć gęślą jaźń");
        }
    }

    @Test
    void detectsOtherLanguagesWithoutLabelWhateverTheStoreWorksIn() {
        assertThat(unlabelled("Здравствуйте, куртка слишком мала. Верните, пожалуйста, деньги.", "windows-1251", Language.FR))
                .isEqualTo("Здравствуйте, куртка слишком мала. Верните, пожалуйста, деньги.");
        assertThat(unlabelled("Bonjour, la veste est trop petite. Merci, Hélène à Noël", "windows-1252", Language.PL))
                .isEqualTo("Bonjour, la veste est trop petite. Merci, Hélène à Noël");
    }

    private String unlabelled(String text, String charset, Language store) {
        byte[] head = "From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain\r\n\r\n".getBytes(Charset.forName("US-ASCII"));
        byte[] body = text.getBytes(Charset.forName(charset));
        byte[] mail = new byte[head.length + body.length];
        System.arraycopy(head, 0, mail, 0, head.length);
        System.arraycopy(body, 0, mail, head.length, body.length);
        return ((ParseResult.Parsed) parser.parse(mail, List.of(store))).mail().textBody();
    }

    @Test
    void recognisesAReturnedMailFromTheMailerDaemonWithoutADeliveryReportAsABounce() {
        assertThat(parsed("bounce-returned-mail-sendmail.eml", Language.EN).kind()).isEqualTo(MailKind.BOUNCE);
        assertThat(parsed("bounce-undelivered-mail-postfix.eml", Language.FR).kind()).isEqualTo(MailKind.BOUNCE);
    }

    @Test
    void aPersonWritingAboutReturnedMailIsNoBounce() {
        byte[] raw = """
                From: Anna <anna@example.com>
                Subject: Returned mail: my parcel came back
                Content-Type: text/plain

                The parcel came back to me, what should I do?
                """.replace("\n", "\r\n").getBytes(Charset.forName("US-ASCII"));

        assertThat(((ParseResult.Parsed) parser.parse(raw)).mail().kind()).isEqualTo(MailKind.NORMAL);
    }

    @Test
    void readsTheFailedRecipientAndOriginalMessageIdOfAnOldStyleBounce() {
        BounceReceived sendmail = DeliveryReports.read(fixture("bounce-returned-mail-sendmail.eml"), java.time.Instant.EPOCH);
        BounceReceived postfix = DeliveryReports.read(fixture("bounce-undelivered-mail-postfix.eml"), java.time.Instant.EPOCH);

        assertThat(sendmail.recipient()).isEqualTo("gone@example.org");
        assertThat(sendmail.originalMessageId()).isEqualTo("<campaign-42.7@shop.example.com>");
        assertThat(sendmail.permanent()).isTrue();
        assertThat(postfix.recipient()).isEqualTo("absent@example.fr");
        assertThat(postfix.originalMessageId()).isEqualTo("<thanks-7.3@shop.example.com>");
    }

    @Test
    void readsAnOldStyleDelayWarningAsATemporaryBounce() {
        byte[] raw = """
                From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>
                Subject: Warning: could not send message for past 4 hours
                Content-Type: text/plain

                    **********************************************
                    **      THIS IS A WARNING MESSAGE ONLY      **
                    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **
                    **********************************************

                The original message was received at Tue, 1 Dec 2026 09:59:58 +0100

                   ----- Transcript of session follows -----
                <later@example.org>... Deferred: Connection timed out
                Warning: message still undelivered after 4 hours
                """.replace("\n", "\r\n").getBytes(Charset.forName("US-ASCII"));

        assertThat(((ParseResult.Parsed) parser.parse(raw)).mail().kind()).isEqualTo(MailKind.BOUNCE);
        BounceReceived bounce = DeliveryReports.read(raw, java.time.Instant.EPOCH);
        assertThat(bounce.permanent()).isFalse();
        assertThat(bounce.recipient()).isEqualTo("later@example.org");
    }

    private static String body(InboundMail mail) {
        return mail.textBody().replace("\r\n", "\n");
    }

    private InboundMail parsed(String fixture, Language language) {
        ParseResult result = parser.parse(fixture(fixture), List.of(language));
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).mail();
    }

    static byte[] fixture(String name) {
        try (InputStream in = MisreadMailTests.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
