package org.ruleone.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

class MailParserTests {

    private final MailParser parser = new MailParser(DataSize.ofMegabytes(10));

    static List<Path> fixtures() {
        return MailFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void parsesOrQuarantinesEveryRealWorldMailWithoutThrowing(Path file) throws IOException {
        ParseResult result = parser.parse(Files.readAllBytes(file));

        assertThat(result).isNotNull();
        switch (result) {
            case ParseResult.Parsed parsed -> {
                assertThat(parsed.mail().from().address()).contains("@");
                assertThat(parsed.mail().subject()).doesNotContain("\r", "\n");
            }
            case ParseResult.Quarantined quarantined -> {
                assertThat(quarantined.reason()).isNotNull();
                assertThat(quarantined.detail()).isNotBlank();
            }
        }
    }

    @Test
    void parsesMostRealWorldMail() throws IOException {
        long parsed = 0;
        for (Path file : MailFixtures.all()) {
            if (parser.parse(Files.readAllBytes(file)) instanceof ParseResult.Parsed) {
                parsed++;
            }
        }
        assertThat(parsed).isGreaterThanOrEqualTo(MailFixtures.all().size() * 3 / 4);
    }

    @Test
    void decodesPolishWindows1250Subject() {
        InboundMail mail = parsed(withSender(MailFixtures.read("php-mime-mail-parser/issue212")));

        assertThat(mail.subject()).isEqualTo("Automatyczna odpowiedź: Piotrze, test z 6 miesięcy nauki ciągle na Ciebie czeka");
    }

    @Test
    void decodesPolishWindows1250Body() {
        InboundMail mail = parsed(mail("""
                From: =?windows-1250?Q?Pawe=B3_=AFó=B3w?= <pawel@example.pl>
                Subject: =?ISO-8859-2?Q?Zwrot_=BFakietu?=
                Content-Type: text/plain; charset=windows-1250
                Content-Transfer-Encoding: quoted-printable

                Dzie=F1 dobry, kurtka jest za ma=B3a. Proszę o zwrot pieni=EAdzy.
                """.replace("ę", "=EA").replace("ó", "=F3")));

        assertThat(mail.from().displayName()).isEqualTo("Paweł Żółw");
        assertThat(mail.subject()).isEqualTo("Zwrot żakietu");
        assertThat(mail.textBody()).isEqualTo("Dzień dobry, kurtka jest za mała. Proszę o zwrot pieniędzy.");
    }

    @Test
    void decodesJapaneseIso2022JpSubject() {
        InboundMail mail = parsed(withSender(MailFixtures.read("php-mime-mail-parser/issue116")));

        assertThat(mail.subject()).isEqualTo("ЖД№41 от 28.09.2016");
    }

    @Test
    void decodesJapaneseIso2022JpBody() {
        byte[] body = "お問い合わせありがとうございます".getBytes(java.nio.charset.Charset.forName("ISO-2022-JP"));
        String encoded = java.util.Base64.getMimeEncoder().encodeToString(body);
        InboundMail mail = parsed(mail("""
                From: customer@example.jp
                Subject: =?ISO-2022-JP?B?%s?=
                Content-Type: text/plain; charset=ISO-2022-JP
                Content-Transfer-Encoding: base64

                %s
                """.formatted(encoded, encoded)));

        assertThat(mail.subject()).isEqualTo("お問い合わせありがとうございます");
        assertThat(mail.textBody()).isEqualTo("お問い合わせありがとうございます");
    }

    @Test
    void turnsHtmlOnlyMailIntoText() {
        InboundMail mail = parsed(mail("""
                From: customer@example.com
                Subject: Boots
                Content-Type: text/html; charset=utf-8

                <html><head><title>ignored</title><style>p{color:red}</style></head>
                <body><p>The boots &amp; the laces</p><p>arrived <b>torn</b>.</p><script>alert(1)</script></body></html>
                """));

        assertThat(mail.textBody()).isEqualTo("The boots & the laces\n\narrived torn.");
    }

    @Test
    void removesScriptsEventHandlersAndRemoteImagesFromHtml() {
        InboundMail mail = parsed(mail("""
                From: customer@example.com
                Subject: Look
                Content-Type: text/html; charset=utf-8

                <p onclick="steal()">Hello <a href="https://example.com/x">link</a>
                <img src="https://tracker.example/pixel.gif"><img src="x" onerror="alert(1)">
                <img src="cid:photo1" alt="photo"><script>alert(2)</script>
                <style>body{background:url(https://tracker.example/css)}</style>
                <iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="x"></form>
                <a href="javascript:alert(3)">bad</a></p>
                """));

        assertThat(mail.htmlBody())
                .contains("Hello", "href=\"https://example.com/x\"", "nofollow", "noopener", "src=\"cid:photo1\"")
                .doesNotContain("script", "onerror", "onclick", "tracker.example", "iframe", "form", "input",
                        "javascript", "style", "alert");
    }

    @Test
    void classifiesDeliveryReportAsBounce() {
        InboundMail mail = parsed(MailFixtures.read("nodemailer-mailparser/delivery-status.eml"));

        assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
    }

    @Test
    void classifiesAutoSubmittedMailAsAutoReply() {
        InboundMail mail = parsed(mail("""
                From: Ann <ann@example.com>
                Auto-Submitted: auto-replied
                Subject: Out of office

                I am away until Monday.
                """));

        assertThat(mail.kind()).isEqualTo(MailKind.AUTO_REPLY);
    }

    @Test
    void classifiesMailAsNormalWhenOnlyItsSubjectSoundsAutomatic() {
        InboundMail mail = parsed(mail("""
                From: Ann <ann@example.com>
                Auto-Submitted: no
                Subject: Out of office

                Is the store out of office chairs?
                """));

        assertThat(mail.kind()).isEqualTo(MailKind.NORMAL);
    }

    @Test
    void stripsLineBreaksAndControlCharactersFromSubject() {
        InboundMail mail = parsed(mail("""
                From: ann@example.com
                Subject: =?UTF-8?Q?Hello=0D=0ABcc:_victim@example.com=07?=

                body
                """));

        assertThat(mail.subject()).isEqualTo("Hello Bcc: victim@example.com");
    }

    @Test
    void readsThreadingHeaders() {
        InboundMail mail = parsed(mail("""
                From: ann@example.com
                Message-ID: <3@example.com>
                In-Reply-To: <2@ruleone.example>
                References: <1@ruleone.example>
                 <2@ruleone.example>
                Subject: Re: [#42] Boots

                body
                """));

        assertThat(mail.messageId()).isEqualTo("<3@example.com>");
        assertThat(mail.inReplyTo()).isEqualTo("<2@ruleone.example>");
        assertThat(mail.references()).containsExactly("<1@ruleone.example>", "<2@ruleone.example>");
    }

    @Test
    void keepsAttachmentsUpToTheCapAndRecordsLargerOnesWithoutContent() {
        MailParser small = new MailParser(DataSize.ofBytes(10));
        byte[] raw = mail("""
                From: ann@example.com
                Subject: Receipts
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                See attached.
                --b
                Content-Type: application/pdf; name="receipt.pdf"
                Content-Disposition: attachment; filename="..\\\\..\\\\etc/rec=?UTF-8?Q?=0D=0Aeipt?=.pdf"
                Content-Transfer-Encoding: base64

                MDEyMzQ1Njc4OUFCQ0RFRg==
                --b
                Content-Type: text/plain; name=small.txt
                Content-Disposition: attachment; filename=small.txt

                tiny
                --b--
                """);

        InboundMail mail = ((ParseResult.Parsed) small.parse(raw)).mail();

        assertThat(mail.textBody()).isEqualTo("See attached.");
        assertThat(mail.attachments()).hasSize(2);
        MailAttachment large = mail.attachments().getFirst();
        assertThat(large.fileName()).isEqualTo("receipt.pdf");
        assertThat(large.contentType()).isEqualTo("application/pdf");
        assertThat(large.size()).isEqualTo(16);
        assertThat(large.tooLarge()).isTrue();
        assertThat(large.content()).isEmpty();
        MailAttachment kept = mail.attachments().get(1);
        assertThat(kept.tooLarge()).isFalse();
        assertThat(new String(kept.content(), StandardCharsets.US_ASCII)).startsWith("tiny");
    }

    @Test
    void readsBrokenBase64AndAMissingBoundary() {
        InboundMail mail = parsed(mail("""
                From: ann@example.com
                Subject: broken
                Content-Type: multipart/mixed

                SGVsbG8gd29ybGQ
                """));

        assertThat(mail.textBody()).contains("SGVsbG8gd29ybGQ");
        InboundMail base64 = parsed(mail("""
                From: ann@example.com
                Subject: broken
                Content-Type: text/plain; charset=x-unknown-charset
                Content-Transfer-Encoding: base64

                SGVsbG8gd29ybGQ*!
                """));
        assertThat(base64.textBody()).startsWith("Hello world");
    }

    @Test
    void quarantinesMailWithoutSenderAndEmptyMail() {
        assertThat(parser.parse(mail("Subject: who?\n\nbody\n")))
                .isInstanceOfSatisfying(ParseResult.Quarantined.class,
                        q -> assertThat(q.reason()).isEqualTo(QuarantineReason.NO_SENDER));
        assertThat(parser.parse(new byte[0]))
                .isInstanceOfSatisfying(ParseResult.Quarantined.class,
                        q -> assertThat(q.reason()).isEqualTo(QuarantineReason.EMPTY));
    }

    @Test
    void decodesHebrewSubjectLabelledWithTheLogicalOrderVariant() {
        InboundMail mail = parsed(MailFixtures.read("php-mime-mail-parser/issue149"));

        assertThat(mail.subject()).isEqualTo("מענה 'אני לא נמצא': Invoice 02722027");
    }

    @Test
    void readsAnInlineTextPartWithAFileNameAsBody() {
        InboundMail mail = parsed(MailFixtures.read("php-mime-mail-parser/m0014"));

        assertThat(mail.textBody()).startsWith("Die Hasen und die Frösche");
    }

    @Test
    void neverThrowsOnTruncatedOrCorruptedRealWorldMail() throws IOException {
        java.util.Random random = new java.util.Random(20261122);
        for (Path file : MailFixtures.all()) {
            byte[] raw = Files.readAllBytes(file);
            if (raw.length > 200_000) {
                raw = java.util.Arrays.copyOf(raw, 200_000);
            }
            for (int round = 0; round < 8; round++) {
                byte[] broken = java.util.Arrays.copyOf(raw, 1 + random.nextInt(raw.length));
                for (int flips = 0; flips < 1 + random.nextInt(20); flips++) {
                    broken[random.nextInt(broken.length)] = (byte) random.nextInt(256);
                }
                ParseResult result = parser.parse(broken);
                if (result instanceof ParseResult.Quarantined quarantined) {
                    assertThat(quarantined.detail()).as(file + " round " + round).isNotBlank();
                } else {
                    assertThat(((ParseResult.Parsed) result).mail().subject()).doesNotContain("\r", "\n");
                }
            }
        }
    }

    @Test
    void quarantinesMultipartsNestedBeyondAnyRealClient() {
        StringBuilder mail = new StringBuilder("From: ann@example.com\nSubject: deep\n");
        for (int level = 0; level < 40; level++) {
            mail.append("Content-Type: multipart/mixed; boundary=b").append(level).append("\n\n--b").append(level).append('\n');
        }
        mail.append("Content-Type: text/plain\n\nbottom\n");

        assertThat(parser.parse(mail(mail.toString())))
                .isInstanceOfSatisfying(ParseResult.Quarantined.class,
                        q -> assertThat(q.reason()).isEqualTo(QuarantineReason.TOO_DEEP));
    }

    @Test
    void stripsLineBreaksFromDisplayNamesAndAttachmentNames() {
        InboundMail mail = parsed(mail("""
                From: =?UTF-8?Q?Ann=0D=0ABcc=3A_x=40example.com?= <ann@example.com>
                Subject: hi
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                hi
                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="=?UTF-8?Q?a=0Ab=00c.txt?="

                x
                --b--
                """));

        assertThat(mail.from().displayName()).isEqualTo("Ann Bcc: x@example.com");
        assertThat(mail.attachments().getFirst().fileName()).isEqualTo("abc.txt");
    }

    @Test
    void decodesCyrillicKoi8rAndUtf8MislabelledAsAscii() {
        byte[] russian = "Где мой заказ?".getBytes(java.nio.charset.Charset.forName("KOI8-R"));
        String encoded = java.util.Base64.getMimeEncoder().encodeToString(russian);
        InboundMail koi8 = parsed(mail("""
                From: ivan@example.ru
                Subject: =?koi8-r?B?%s?=
                Content-Type: text/plain; charset=koi8-r
                Content-Transfer-Encoding: base64

                %s
                """.formatted(encoded, encoded)));
        InboundMail mislabelled = parsed(mail("""
                From: zofia@example.pl
                Subject: Zażółć
                Content-Type: text/plain; charset=us-ascii
                Content-Transfer-Encoding: 8bit

                Zażółć gęślą jaźń
                """));

        assertThat(koi8.subject()).isEqualTo("Где мой заказ?");
        assertThat(koi8.textBody()).isEqualTo("Где мой заказ?");
        assertThat(mislabelled.subject()).isEqualTo("Zażółć");
        assertThat(mislabelled.textBody()).isEqualTo("Zażółć gęślą jaźń");
    }

    private InboundMail parsed(byte[] raw) {
        ParseResult result = parser.parse(raw);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).mail();
    }

    private static byte[] withSender(byte[] raw) {
        byte[] from = "From: customer@example.com\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[from.length + raw.length];
        System.arraycopy(from, 0, all, 0, from.length);
        System.arraycopy(raw, 0, all, from.length, raw.length);
        return all;
    }

    private static byte[] mail(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
