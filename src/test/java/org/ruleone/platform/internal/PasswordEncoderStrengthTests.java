package org.ruleone.platform.internal;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The bcrypt cost is 10 unless configured, and a hash made at one cost is checked under another. */
class PasswordEncoderStrengthTests {

    static final String PASSWORD = "correct horse battery staple";

    @Test
    void hashesAtCostTenUnlessConfiguredOtherwise() {
        assertThat(encoder(SecurityConfiguration.DEFAULT_BCRYPT_STRENGTH).encode(PASSWORD)).startsWith("{bcrypt}$2a$10$");
        assertThat(encoder(4).encode(PASSWORD)).startsWith("{bcrypt}$2a$04$");
        assertThat(encoder(12).encode(PASSWORD)).startsWith("{bcrypt}$2a$12$");
    }

    @Test
    void checksHashesMadeAtAnotherCostAndStillRefusesWhatBcryptWouldCut() {
        String madeAtTen = encoder(10).encode(PASSWORD);
        String madeAtFour = encoder(4).encode(PASSWORD);

        assertThat(encoder(4).matches(PASSWORD, madeAtTen)).isTrue();
        assertThat(encoder(10).matches(PASSWORD, madeAtFour)).isTrue();
        assertThat(encoder(4).matches("wrong horse battery staple", madeAtTen)).isFalse();
        String seventyThreeBytes = "x".repeat(73);
        assertThat(encoder(4).matches(seventyThreeBytes, encoder(4).encode("x".repeat(72)))).isFalse();
    }

    @Test
    void stillChecksHashesOfTheOtherAlgorithmsSpringKnows() {
        assertThat(encoder(4).matches(PASSWORD, "{noop}" + PASSWORD)).isTrue();
    }

    private static PasswordEncoder encoder(int strength) {
        return new SecurityConfiguration().passwordEncoder(strength);
    }
}
