package org.ruleone.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvEncodingTests {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static CsvEncoding detect(byte[] bytes) {
        return CsvEncoding.detect(bytes, bytes.length);
    }

    private static byte[] withBom(byte[] text) {
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }

    @Test
    void takesTextThatReadsAsUtf8ForUtf8WithOrWithoutItsByteOrderMark() {
        byte[] text = "Data;Komentarz\n31.12.2023;Świetna obsługa – dziękuję\n".getBytes(StandardCharsets.UTF_8);

        assertThat(detect(text)).isEqualTo(CsvEncoding.UTF_8);
        assertThat(detect(withBom(text))).isEqualTo(CsvEncoding.UTF_8);
    }

    @Test
    void doesNotHoldACharacterCutAtTheEndOfTheSampleAgainstUtf8() {
        byte[] text = "Très bien é".getBytes(StandardCharsets.UTF_8);

        assertThat(CsvEncoding.detect(text, text.length - 1)).isEqualTo(CsvEncoding.UTF_8);
    }

    @Test
    void recognisesFrenchWindows1252EvenAfterAUtf8ByteOrderMark() {
        byte[] text = "Date;Commentaire\n31.12.2023;Très bien reçue – merci « Hélène » !\n"
                .getBytes(Charset.forName("windows-1252"));

        assertThat(detect(text)).isEqualTo(CsvEncoding.WINDOWS_1252);
        assertThat(detect(withBom(text))).isEqualTo(CsvEncoding.WINDOWS_1252);
    }

    @Test
    void recognisesPolishIso88592AndWindows1250() {
        String polish = "Data,Komentarz\n2024-03-05,Obsługa była niemiła, źle doradzono; świetna ąę\n";

        assertThat(detect(polish.getBytes(Charset.forName("ISO-8859-2")))).isEqualTo(CsvEncoding.ISO_8859_2);
        assertThat(detect(polish.getBytes(Charset.forName("windows-1250")))).isEqualTo(CsvEncoding.WINDOWS_1250);
    }

    @Test
    void handsTheReaderUtf8WithoutTheByteOrderMarkACodePageFileStartsWith() throws IOException {
        byte[] text = withBom("Żółć;Łódź\n".getBytes(Charset.forName("ISO-8859-2")));

        byte[] read = CsvEncoding.ISO_8859_2.open(new ByteArrayInputStream(text)).readAllBytes();

        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo("Żółć;Łódź\n");
    }
}
