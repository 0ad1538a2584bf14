package org.ruleone.platform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberStyleTests {

    @Test
    void readsThousandsSeparatorsOnlyInTheChosenStyleAndRefusesWhatItCannotReadExactly() {
        assertThat(NumberStyle.POINT_COMMA.read("2.350,00", 4)).contains(new BigDecimal("2350.0000"));
        assertThat(NumberStyle.POINT_COMMA.read("1.300", 4)).contains(new BigDecimal("1300.0000"));
        assertThat(NumberStyle.POINT_COMMA.read("1.30", 4)).isEmpty();
        assertThat(NumberStyle.POINT_COMMA.read("12.3456.789", 4)).isEmpty();
        assertThat(NumberStyle.PLAIN_POINT.read("2.350,00", 4)).isEmpty();
        assertThat(NumberStyle.PLAIN_POINT.read("1.300", 4)).contains(new BigDecimal("1.3000"));
        assertThat(NumberStyle.PLAIN_POINT.read("1,300", 4)).isEmpty();
        assertThat(NumberStyle.COMMA_POINT.read("1,234,567.89", 4)).contains(new BigDecimal("1234567.8900"));
        assertThat(NumberStyle.COMMA_POINT.read("1234,567.89", 4)).isEmpty();
        assertThat(NumberStyle.SPACE_COMMA.read("1 234,56", 4)).contains(new BigDecimal("1234.5600"));
        assertThat(NumberStyle.SPACE_COMMA.read("1\u00A0234,56", 4)).contains(new BigDecimal("1234.5600"));
        assertThat(NumberStyle.SPACE_COMMA.read("1\u202F234,56", 4)).contains(new BigDecimal("1234.5600"));
        assertThat(NumberStyle.PLAIN_COMMA.read("-0,85", 4)).contains(new BigDecimal("-0.8500"));
        assertThat(NumberStyle.PLAIN_POINT.read("0.00015", 4)).as("below a ten-thousandth").isEmpty();
        assertThat(NumberStyle.PLAIN_POINT.read("2.5000000", 4)).contains(new BigDecimal("2.5000"));
        assertThat(NumberStyle.PLAIN_POINT.read("1234567890123456789", 0)).as("beyond 18 digits").isEmpty();
        assertThat(NumberStyle.PLAIN_POINT.read("two", 0)).isEmpty();
        assertThat(NumberStyle.PLAIN_POINT.read("-", 0)).isEmpty();
    }

    @Test
    void detectsTheStyleFromTheWholeFileAndLeavesTheChoiceToThePersonWhenValuesReadTwoWays() {
        assertThat(NumberStyle.detect(List.of("536365", "2.350,00", "1.300", "2011-01-02", "85123A")).style())
                .contains(NumberStyle.POINT_COMMA);
        assertThat(NumberStyle.detect(List.of("17850", "2.55", "6", "0.85")).style())
                .contains(NumberStyle.PLAIN_POINT);
        assertThat(NumberStyle.detect(List.of("1 234,56", "3,50")).style()).contains(NumberStyle.SPACE_COMMA);
        NumberStyle.Detection twoWays = NumberStyle.detect(List.of("1.300", "12", "2.500"));
        assertThat(twoWays.style()).isEmpty();
        assertThat(twoWays.ambiguous()).contains("1.300");
        assertThat(NumberStyle.detect(List.of("MUG", "France")).style()).isEmpty();
    }

    @Test
    void readsAProductPriceOnlyWhenItHasOneReading() {
        assertThat(NumberStyle.readUnambiguous("189,00", 4)).contains(new BigDecimal("189.0000"));
        assertThat(NumberStyle.readUnambiguous("189.00", 4)).contains(new BigDecimal("189.0000"));
        assertThat(NumberStyle.readUnambiguous("2.350,00", 4)).contains(new BigDecimal("2350.0000"));
        assertThat(NumberStyle.readUnambiguous("1.300", 4)).isEqualTo(Optional.empty());
        assertThat(NumberStyle.readUnambiguous("45", 4)).contains(new BigDecimal("45.0000"));
    }
}
