package org.ruleone.platform;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLimitsTests {

    @Test
    void tellsTextInAnyCodePageFromImagesDocumentsAndArchives() {
        assertThat(CsvLimits.looksLikeText("\uFEFFInvoice;Prix\r\nA1;3,50\r\n".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(CsvLimits.looksLikeText("Désignation;Théière\n".getBytes(Charset.forName("windows-1252")))).isTrue();
        assertThat(CsvLimits.looksLikeText("Nazwa;Źródło;Łódź\n".getBytes(Charset.forName("windows-1250")))).isTrue();
        assertThat(CsvLimits.looksLikeText("a\tb\n".getBytes(StandardCharsets.US_ASCII))).isTrue();

        assertThat(CsvLimits.looksLikeText(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})).isFalse();
        assertThat(CsvLimits.looksLikeText("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(CsvLimits.looksLikeText(new byte[] {'P', 'K', 3, 4, 20, 0})).isFalse();
        assertThat(CsvLimits.looksLikeText("a,b\n".getBytes(StandardCharsets.UTF_16LE))).as("NUL bytes").isFalse();
        assertThat(CsvLimits.looksLikeText(new byte[] {'a', 1, 2, 3, 4, 5, 'b'})).as("control characters").isFalse();
    }
}
