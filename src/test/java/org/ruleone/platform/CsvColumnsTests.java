package org.ruleone.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class CsvColumnsTests {

    private enum Field { SKU, QUANTITY }

    @Test
    void findsAColumnByItsHeaderWhateverItsCaseOrByItsNumber() {
        List<String> header = List.of("Order number", " Date ", "Price");

        assertThat(CsvColumns.find(header, "order NUMBER")).hasValue(0);
        assertThat(CsvColumns.find(header, "date")).hasValue(1);
        assertThat(CsvColumns.find(header, "3")).hasValue(2);
        assertThat(CsvColumns.find(header, "4")).isEqualTo(OptionalInt.empty());
        assertThat(CsvColumns.find(header, "Customer")).isEqualTo(OptionalInt.empty());
    }

    @Test
    void guessesFieldsFromHeadersInAnyOfTheThreeLanguagesFirstColumnFirst() {
        Map<Field, Integer> guessed = CsvColumns.guess(List.of("Référence", "Ilość", "Quantité", "Note"), Field.class,
                name -> switch (name) {
                    case "reference" -> Field.SKU;
                    case "ilosc", "quantite" -> Field.QUANTITY;
                    default -> null;
                });

        assertThat(guessed).containsExactlyInAnyOrderEntriesOf(Map.of(Field.SKU, 0, Field.QUANTITY, 1));
    }

    @Test
    void readsAMappedValueStrippedAndNothingForAColumnTheRowLacks() {
        List<String> row = List.of(" A1 ", "3");

        assertThat(CsvColumns.value(row, 0)).isEqualTo("A1");
        assertThat(CsvColumns.value(row, 5)).isEmpty();
        assertThat(CsvColumns.value(row, null)).isEmpty();
    }

    @Test
    void readsDatesInTheGivenFormatAndRefusesYearsNoPurchaseHas() {
        var format = CsvDates.format("dd.MM.yyyy[ HH:mm]").orElseThrow();

        assertThat(CsvDates.read(format, "24.12.2010 09:30")).hasValueSatisfying(at ->
                assertThat(at).hasToString("2010-12-24T09:30"));
        assertThat(CsvDates.read(format, "24.12.2010")).hasValueSatisfying(at ->
                assertThat(at).hasToString("2010-12-24T00:00"));
        assertThat(CsvDates.read(format, "24.12.0210")).isEmpty();
        assertThat(CsvDates.format("not a format {")).isEmpty();
        assertThat(CsvDates.format(" ")).isEmpty();
    }
}
