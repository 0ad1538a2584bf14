package org.ruleone.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvDatesTests {

    @Test
    void detectsDayFirstDatesWithDotsOrSlashes() {
        assertThat(CsvDates.detect(List.of("31.12.2023 18:45", "02.01.2024 09:05"))).hasValue("d.M.yyyy HH:mm");
        assertThat(CsvDates.detect(List.of("31/12/2023", "1/2/2024"))).hasValue("d/M/yyyy");
        assertThat(CsvDates.detect(List.of("2023-12-31 18:45:10", ""))).hasValue("yyyy-MM-dd HH:mm:ss");
    }

    @Test
    void readsSlashedDatesDayFirstUnlessADayPassesTwelve() {
        assertThat(CsvDates.detect(List.of("01/02/2024", "03/04/2024"))).hasValue("d/M/yyyy");
        assertThat(CsvDates.detect(List.of("12/31/2023", "01/02/2024"))).hasValue("M/d/yyyy");
    }

    @Test
    void keepsTheFormatOfMostDatesWhenAFewAreBad() {
        assertThat(CsvDates.detect(List.of("31.12.2023", "32.01.2024", "15.01.2024"))).hasValue("d.M.yyyy");
        assertThat(CsvDates.detect(List.of("yesterday", "soon"))).isEmpty();
        assertThat(CsvDates.detect(List.of())).isEmpty();
    }
}
