package org.ruleone.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.ruleone.mail.internal.OutboxSenderAccess;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the outbox tells screens instead of "sent" when its mail is not going out. */
class OutboxHealthTests {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void withoutAServerEveryWaitingMailIsCounted() {
        OutboxHealth health = OutboxHealth.of(false, 3, NOW.minusSeconds(10), null, null, NOW);
        assertThat(health.trouble()).isEqualTo(DeliveryTrouble.NO_SERVER);
        assertThat(words(health, Locale.ENGLISH)).isEqualTo("3 messages waiting — no mail server configured");
        assertThat(words(health, Locale.FRENCH))
                .isEqualTo("3 messages en attente — aucun serveur de messagerie configuré");
        assertThat(words(health, Locale.forLanguageTag("pl")))
                .isEqualTo("Wiadomości oczekujące: 3 — nie skonfigurowano serwera poczty");
    }

    @Test
    void aServerThatRefusesSaysWhyInItsOwnWords() {
        OutboxHealth health = OutboxHealth.of(true, 1, NOW.minusSeconds(40), "REFUSED",
                "SMTPSendFailedException: 451 4.3.0 Mailbox temporarily unavailable\n", NOW);
        assertThat(words(health, Locale.ENGLISH)).isEqualTo("1 message waiting — the mail server is not accepting "
                + "mail: it answered “451 4.3.0 Mailbox temporarily unavailable”");
    }

    @Test
    void anUnreachableServerOrARefusedLoginIsSaidPlainly() {
        assertThat(words(OutboxHealth.of(true, 2, NOW, "UNREACHABLE", "MailConnectException: x", NOW), Locale.ENGLISH))
                .isEqualTo("2 messages waiting — the mail server is not accepting mail: it cannot be reached");
        assertThat(words(OutboxHealth.of(true, 2, NOW, "LOGIN_REFUSED", "535", NOW), Locale.ENGLISH))
                .endsWith("it refused the user name or password");
    }

    @Test
    void mailWaitingLongerThanFiveMinutesWithoutAnErrorCountsAsStuck() {
        assertThat(OutboxHealth.of(true, 4, NOW.minusSeconds(60), null, null, NOW).flowing()).isTrue();
        OutboxHealth slow = OutboxHealth.of(true, 4, NOW.minus(Duration.ofMinutes(12)), null, null, NOW);
        assertThat(slow.trouble()).isEqualTo(DeliveryTrouble.SLOW);
        assertThat(words(slow, Locale.ENGLISH))
                .isEqualTo("4 messages waiting — the mail server has not taken them for 12 minutes");
        assertThat(OutboxHealth.of(true, 0, null, null, null, NOW).warning()).isEmpty();
    }

    @Test
    void tellsAnUnreachableServerFromARefusedLoginFromARefusal() {
        assertThat(OutboxSenderAccess.kind(new MessagingException("Couldn't connect",
                new java.net.ConnectException("Connection refused")))).isEqualTo("UNREACHABLE");
        assertThat(OutboxSenderAccess.kind(new AuthenticationFailedException("535 5.7.8 bad credentials")))
                .isEqualTo("LOGIN_REFUSED");
        assertThat(OutboxSenderAccess.kind(new OutboxRetryTests.Refused(451))).isEqualTo("REFUSED");
    }

    private static String words(OutboxHealth health, Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/mail");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages.getMessage(health.warning().orElseThrow(), locale);
    }
}
