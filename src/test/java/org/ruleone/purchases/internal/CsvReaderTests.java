package org.ruleone.purchases.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTests {

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaksAndCountsPhysicalLines() throws IOException {
        byte[] file = ("\uFEFFa,b,c\r\n"
                + "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
                + "2,\"two\nlines\",z\n"
                + "3,,\n"
                + "4,last,row").getBytes(StandardCharsets.UTF_8);
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new ByteArrayInputStream(file), ',')) {
            while (csv.next()) {
                records.add(csv.fields());
                lines.add(csv.line());
            }
        }

        assertThat(records).containsExactly(List.of("a", "b", "c"), List.of("1", "x, y", "say \"hi\""),
                List.of("2", "two\nlines", "z"), List.of("3", "", ""), List.of("4", "last", "row"));
        assertThat(lines).containsExactly(1L, 2L, 3L, 5L, 6L);
    }

    @Test
    void flagsMalformedUtf8OnlyOnTheRecordThatHasIt() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("caf\u00e9;ok\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xE9, ';', 'x', '\n'});
        file.writeBytes("fine;again\n".getBytes(StandardCharsets.UTF_8));
        List<Boolean> malformed = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new ByteArrayInputStream(file.toByteArray()), ';')) {
            while (csv.next()) {
                malformed.add(csv.malformed());
            }
        }

        assertThat(malformed).containsExactly(false, true, false);
    }
}
