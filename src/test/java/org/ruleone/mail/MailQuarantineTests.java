package org.ruleone.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class MailQuarantineTests {

    private static final Instant MORNING = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

    @Autowired JdbcClient jdbc;
    @Autowired Quarantine quarantine;
    @Autowired MailParser parser;

    @Test
    void keepsUnreadableMailWholeWithItsReasonNewestFirst() {
        byte[] nobody = "Subject: who?\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] empty = new byte[0];
        long first = at(MORNING).put(nobody, (ParseResult.Quarantined) parser.parse(nobody));
        long second = at(NOON).put(empty, (ParseResult.Quarantined) parser.parse(empty));

        List<QuarantinedMail> list = quarantine.newestFirst(100).stream()
                .filter(entry -> entry.id() == first || entry.id() == second).toList();

        assertThat(list).extracting(QuarantinedMail::id).containsExactly(second, first);
        QuarantinedMail older = list.get(1);
        assertThat(older.receivedAt()).isEqualTo(MORNING);
        assertThat(older.reason()).isEqualTo(QuarantineReason.NO_SENDER);
        assertThat(older.detail()).isNotBlank();
        assertThat(older.size()).isEqualTo(nobody.length);
        assertThat(older.retried()).isZero();
        assertThat(quarantine.raw(first)).hasValueSatisfying(raw -> assertThat(raw).isEqualTo(nobody));
    }

    @Test
    void countsRetries() {
        byte[] nobody = "Subject: who?\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        long id = quarantine.put(nobody, (ParseResult.Quarantined) parser.parse(nobody));

        assertThat(quarantine.countRetry(id)).isTrue();

        assertThat(quarantine.newestFirst(100)).filteredOn(entry -> entry.id() == id)
                .singleElement().extracting(QuarantinedMail::retried).isEqualTo(1);
        assertThat(quarantine.raw(-1)).isEmpty();
    }

    @Test
    void parsesMailWithTheParserTheApplicationConfigures() {
        assertThat(parser.parse("From: a@example.com\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ParseResult.Parsed.class);
    }

    private Quarantine at(Instant instant) {
        return new Quarantine(jdbc, Clock.fixed(instant, ZoneOffset.UTC));
    }
}
