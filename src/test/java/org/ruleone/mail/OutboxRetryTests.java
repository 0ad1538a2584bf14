package org.ruleone.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.ruleone.mail.internal.OutboxSenderAccess;

/** How long the outbox waits before trying again, and which refusals end the tries. */
class OutboxRetryTests {

    @Test
    void waitsLongerAfterEachFailureButNeverMoreThanAnHour() {
        assertThat(OutboxSenderAccess.backoff(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxSenderAccess.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSenderAccess.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(OutboxSenderAccess.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aFiveHundredAnswerIsFinalAndAFourHundredOneIsNot() {
        assertThat(OutboxSenderAccess.permanent(new Refused(550))).isTrue();
        assertThat(OutboxSenderAccess.permanent(new MessagingException("wrapped", new Refused(553)))).isTrue();
        assertThat(OutboxSenderAccess.permanent(new Refused(451))).isFalse();
        assertThat(OutboxSenderAccess.permanent(new MessagingException("connection refused"))).isFalse();
    }

    /** Shaped like the SMTP provider's exceptions, which carry the server's reply code. */
    public static class Refused extends MessagingException {
        private final int code;

        Refused(int code) {
            super("refused " + code);
            this.code = code;
        }

        public int getReturnCode() {
            return code;
        }
    }
}
