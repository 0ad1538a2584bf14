package org.ruleone.mailroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class QuarantinedMailAsTextTests {

    @Test
    void showsUtf8MailAsUtf8EvenWhenTheCutSplitsACharacter() {
        byte[] utf8 = "Zażółć gęślą".getBytes(StandardCharsets.UTF_8);

        assertThat(MailroomController.asText(utf8, false)).isEqualTo("Zażółć gęślą");
        assertThat(MailroomController.asText(Arrays.copyOf(utf8, utf8.length - 1), true)).isEqualTo("Zażółć gęśl");
    }

    @Test
    void showsOtherBytesOneCharacterPerByte() {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(MailroomController.asText(latin1, false)).isEqualTo("café");
    }
}
