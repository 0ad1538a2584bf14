package org.ruleone.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxAcceptsTests {

    @Test
    void acceptsOnePlainAddressAndNothingTheOutboxWouldRefuse() {
        assertThat(Outbox.accepts(" zofia@example.com ")).isTrue();
        assertThat(Outbox.accepts(null)).isFalse();
        assertThat(Outbox.accepts("")).isFalse();
        assertThat(Outbox.accepts("a@example.com, b@example.com")).isFalse();
        assertThat(Outbox.accepts("a@example.com\r\nBcc: b@example.com")).isFalse();
        assertThat(Outbox.accepts("not an address")).isFalse();
    }
}
