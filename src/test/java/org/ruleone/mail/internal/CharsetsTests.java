package org.ruleone.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruleone.shared.Language;

class CharsetsTests {

    @Test
    void countsUtf8SequencesAndRefusesWhatJavaRefuses() {
        assertThat(Charsets.utf8Sequences("plain".getBytes(StandardCharsets.US_ASCII))).isZero();
        assertThat(Charsets.utf8Sequences("Zażółć €😀".getBytes(StandardCharsets.UTF_8))).isEqualTo(6);
        for (byte[] invalid : List.of(bytes(0xC0, 0x80), bytes(0xED, 0xA0, 0x80), bytes(0xE2, 0x82),
                bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xE9), bytes(0xC3, 0x41))) {
            assertThat(Charsets.utf8Sequences(invalid)).isEqualTo(-1);
        }
    }

    @Test
    void scoresThePolishCharsetAboveTheWrongOnesForAPolishStore() {
        byte[] iso = "gęślą jaźń".getBytes(java.nio.charset.Charset.forName("ISO-8859-2"));

        assertThat(Charsets.detect(iso, List.of(Language.PL))).hasToString("ISO-8859-2");
        assertThat(Charsets.decode(iso, "", List.of(Language.PL))).isEqualTo("gęślą jaźń");
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
