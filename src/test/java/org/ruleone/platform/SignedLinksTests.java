package org.ruleone.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruleone.platform.SignedLinks.Purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedLinksTests {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Purpose RSVP = new Purpose("campaign-rsvp");
    static final Purpose UNSUBSCRIBE = new Purpose("campaign-unsubscribe");
    static final Purpose SURVEY = new Purpose("survey");
    static final Instant IN_A_WEEK = NOW.plus(Duration.ofDays(7));

    static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    final byte[] current = key();
    final SignedLinks links = new SignedLinks(List.of(current), CLOCK);

    @Test
    void givesBackTheSubjectOfALinkSignedForThePurposeAskedFor() {
        String token = links.sign(RSVP, "12.345", IN_A_WEEK);

        assertThat(links.verify(RSVP, token)).contains("12.345");
        assertThat(token).matches("[A-Za-z0-9._-]+");
    }

    @Test
    void refusesALinkSignedForAnotherPurpose() {
        String rsvp = links.sign(RSVP, "12.345", IN_A_WEEK);

        assertThat(links.verify(UNSUBSCRIBE, rsvp)).isEmpty();
        assertThat(links.verify(SURVEY, rsvp)).isEmpty();
    }

    @Test
    void refusesALinkOnceItHasExpired() {
        String token = links.sign(RSVP, "12.345", NOW.plusSeconds(60));
        SignedLinks aMinuteLater = new SignedLinks(List.of(current), Clock.offset(CLOCK, Duration.ofSeconds(60)));

        assertThat(links.verify(RSVP, token)).isPresent();
        assertThat(aMinuteLater.verify(RSVP, token)).isEmpty();
    }

    @Test
    void refusesALinkWhoseSubjectOrExpiryWasChanged() {
        String token = links.sign(RSVP, "12.345", IN_A_WEEK);
        String[] parts = token.split("\\.");
        String otherClient = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("12.346".getBytes()) + "." + parts[2] + "." + parts[3];
        String longerLife = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86_400) + "." + parts[3];

        assertThat(links.verify(RSVP, otherClient)).isEmpty();
        assertThat(links.verify(RSVP, longerLife)).isEmpty();
    }

    @Test
    void refusesALinkSignedWithAKeyItDoesNotHave() {
        String forged = new SignedLinks(List.of(key()), CLOCK).sign(RSVP, "12.345", IN_A_WEEK);

        assertThat(links.verify(RSVP, forged)).isEmpty();
        assertThat(links.verify(RSVP, "s1.MTIuMzQ1.1796292000.AAAA")).isEmpty();
        assertThat(links.verify(RSVP, "s1.MTIuMzQ1.99999999999999999999.AAAA")).isEmpty();
        assertThat(links.verify(RSVP, "not a token")).isEmpty();
        assertThat(links.verify(RSVP, null)).isEmpty();
        assertThat(links.verify(RSVP, "s1." + "A".repeat(600))).isEmpty();
    }

    @Test
    void keepsVerifyingLinksOfAPreviousKeyUntilItIsRemoved() {
        byte[] next = key();
        String sentBefore = links.sign(UNSUBSCRIBE, "7.8", IN_A_WEEK);
        SignedLinks rotated = new SignedLinks(List.of(next, current), CLOCK);
        SignedLinks previousRemoved = new SignedLinks(List.of(next), CLOCK);

        String sentAfter = rotated.sign(UNSUBSCRIBE, "7.9", IN_A_WEEK);

        assertThat(rotated.verify(UNSUBSCRIBE, sentBefore)).contains("7.8");
        assertThat(rotated.verify(UNSUBSCRIBE, sentAfter)).contains("7.9");
        assertThat(links.verify(UNSUBSCRIBE, sentAfter)).as("the new key signs").isEmpty();
        assertThat(previousRemoved.verify(UNSUBSCRIBE, sentBefore)).isEmpty();
    }

    @Test
    void readsTheCurrentKeyThenThePreviousOnesFromTheConfiguration(@TempDir Path dir) {
        byte[] next = key();
        SignedLinks configured = new SignedLinks(base64(next) + "," + base64(current), dir.resolve("links.key"), "",
                CLOCK);

        assertThat(configured.verify(RSVP, links.sign(RSVP, "1.2", IN_A_WEEK))).contains("1.2");
        assertThat(new SignedLinks(List.of(next), CLOCK).verify(RSVP, configured.sign(RSVP, "1.3", IN_A_WEEK)))
                .contains("1.3");
        assertThat(dir.resolve("links.key")).doesNotExist();
    }

    @Test
    void makesAKeyFileOnFirstRunReadableByItsOwnerOnlyAndKeepsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/links.key");
        String token = new SignedLinks("", file, "", CLOCK).sign(RSVP, "1.2", IN_A_WEEK);

        assertThat(new SignedLinks("", file, "", CLOCK).verify(RSVP, token)).contains("1.2");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void refusesToStartWithADatabaseServerAndNoKeys(@TempDir Path dir) {
        assertThatThrownBy(() -> new SignedLinks("", dir.resolve("links.key"), "jdbc:postgresql://db/ruleone", CLOCK))
                .hasMessageContaining("RULEONE_LINK_KEYS");
        assertThat(dir.resolve("links.key")).doesNotExist();
    }

    @Test
    void refusesAKeyShorterThan32Bytes(@TempDir Path dir) {
        assertThatThrownBy(() -> new SignedLinks("c2hvcnQ=", dir.resolve("links.key"), "", CLOCK))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new Purpose("Campaign RSVP")).isInstanceOf(IllegalArgumentException.class);
    }
}
