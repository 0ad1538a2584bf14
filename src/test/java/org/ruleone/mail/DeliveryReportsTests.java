package org.ruleone.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DeliveryReportsTests {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void readsTheFailedRecipientStatusAndReturnedMessageIdOfARealBounce() {
        BounceReceived bounce = DeliveryReports.read(MailFixtures.read("nodemailer-mailparser/delivery-status.eml"), NOW);

        assertThat(bounce.recipient()).isEqualTo("xxxx@xxxx.com");
        assertThat(bounce.permanent()).isTrue();
        assertThat(bounce.originalMessageId()).isEqualTo("<xxxxx@email.amazonses.com>");
        assertThat(bounce.at()).isEqualTo(NOW);
    }

    @Test
    void takesTheOriginalMessageIdFieldAndATemporaryStatus() {
        String report = """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
                To: shop@example.com
                Subject: Delayed Mail (still being retried)
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Delayed.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com
                Original-Message-ID: <reply-12@rule-one.example>

                Final-Recipient: rfc822; Customer@Example.ORG
                Action: delayed
                Status: 4.4.1
                --b
                Content-Type: text/rfc822-headers

                Message-ID: <other@rule-one.example>
                Subject: Re: Hem [#12]
                --b--
                """.replace("\n", "\r\n");

        BounceReceived bounce = DeliveryReports.read(report.getBytes(StandardCharsets.US_ASCII), NOW);

        assertThat(bounce.recipient()).isEqualTo("customer@example.org");
        assertThat(bounce.permanent()).isFalse();
        assertThat(bounce.originalMessageId()).isEqualTo("<reply-12@rule-one.example>");
    }

    @Test
    void fallsBackToXFailedRecipientsWhenTheReportHasNoStatusPart() {
        String report = """
                From: MAILER-DAEMON@mx.example.com
                To: shop@example.com
                X-Failed-Recipients: gone@example.net
                Subject: Mail delivery failed
                Content-Type: text/plain

                This message was created automatically by mail delivery software.
                """.replace("\n", "\r\n");

        BounceReceived bounce = DeliveryReports.read(report.getBytes(StandardCharsets.US_ASCII), NOW);

        assertThat(bounce.recipient()).isEqualTo("gone@example.net");
        assertThat(bounce.originalMessageId()).isEmpty();
    }

    @Test
    void neverThrowsOnBytesThatAreNotMail() {
        BounceReceived bounce = DeliveryReports.read(new byte[] {0, 1, 2, (byte) 0xff}, NOW);

        assertThat(bounce.recipient()).isEmpty();
        assertThat(bounce.originalMessageId()).isEmpty();
    }
}
