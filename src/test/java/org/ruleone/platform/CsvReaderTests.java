package org.ruleone.platform;

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

    @Test
    void refusesARecordLongerThanTheLimitNamingItsLine() throws IOException {
        byte[] file = ("a,b\n1,2\n" + "x".repeat(org.ruleone.platform.CsvLimits.MAX_RECORD_LENGTH + 1) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try (CsvReader csv = new CsvReader(new ByteArrayInputStream(file), ',')) {
            csv.next();
            csv.next();
            org.assertj.core.api.Assertions.assertThatThrownBy(csv::next)
                    .isInstanceOfSatisfying(org.ruleone.platform.CsvLimits.Refused.class, e -> {
                        assertThat(e.problem()).isEqualTo(org.ruleone.platform.CsvLimits.Problem.RECORD_TOO_LONG);
                        assertThat(e.line()).isEqualTo(3);
                    });
        }
    }

    @Test
    void refusesARecordWithMoreColumnsThanTheLimit() throws IOException {
        byte[] file = ("a;b\n" + "x;".repeat(org.ruleone.platform.CsvLimits.MAX_COLUMNS) + "x\n")
                .getBytes(StandardCharsets.UTF_8);
        try (CsvReader csv = new CsvReader(new ByteArrayInputStream(file), ';')) {
            csv.next();
            org.assertj.core.api.Assertions.assertThatThrownBy(csv::next)
                    .isInstanceOfSatisfying(org.ruleone.platform.CsvLimits.Refused.class, e -> {
                        assertThat(e.problem()).isEqualTo(org.ruleone.platform.CsvLimits.Problem.TOO_MANY_COLUMNS);
                        assertThat(e.line()).isEqualTo(2);
                    });
        }
    }

    @Test
    void readsARecordOfExactlyTheLimits() throws IOException {
        String wide = "x,".repeat(org.ruleone.platform.CsvLimits.MAX_COLUMNS - 1) + "x";
        String longest = "y".repeat(org.ruleone.platform.CsvLimits.MAX_RECORD_LENGTH);
        byte[] file = (wide + "\r\n" + longest + "\r\n").getBytes(StandardCharsets.UTF_8);
        try (CsvReader csv = new CsvReader(new ByteArrayInputStream(file), ',')) {
            assertThat(csv.next()).isTrue();
            assertThat(csv.size()).isEqualTo(org.ruleone.platform.CsvLimits.MAX_COLUMNS);
            assertThat(csv.next()).isTrue();
            assertThat(csv.string(0)).hasSize(org.ruleone.platform.CsvLimits.MAX_RECORD_LENGTH);
        }
    }

    @Test
    void findsTheSeparatorInTheHeaderOutsideQuotes() throws IOException {
        byte[] file = "\uFEFF\"Nom, court\";Prix;Devise\nMUG;2,50;EUR\n".getBytes(StandardCharsets.UTF_8);
        try (CsvReader csv = CsvReader.detecting(new ByteArrayInputStream(file))) {
            assertThat(csv.delimiter()).isEqualTo(';');
            csv.next();
            assertThat(csv.fields()).containsExactly("Nom, court", "Prix", "Devise");
            csv.next();
            assertThat(csv.fields()).containsExactly("MUG", "2,50", "EUR");
        }
    }
}
