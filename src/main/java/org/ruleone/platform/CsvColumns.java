package org.ruleone.platform;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Finding the columns of a CSV file by the names in its header, for every import: a column named in a mapping file
 * or by a person ({@link #find}), and a first guess from the header in English, French or Polish ({@link #guess}).
 */
public final class CsvColumns {

    private CsvColumns() {
    }

    /**
     * A header name reduced to what tells it apart: lower case, accents and everything but letters dropped
     * ("Quantité" and "QUANTITE" are both {@code quantite}, "Ilość" is {@code ilosc}).
     */
    public static String normalised(String header) {
        return Normalizer.normalize(header.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('ł', 'l').replaceAll("[^a-z]", "");
    }

    /**
     * The field of each column whose {@linkplain #normalised normalised} header {@code byName} knows (null: none);
     * the first column wins when two name the same field.
     */
    public static <F extends Enum<F>> Map<F, Integer> guess(List<String> header, Class<F> fields,
                                                            Function<String, F> byName) {
        Map<F, Integer> guessed = new EnumMap<>(fields);
        for (int i = 0; i < header.size(); i++) {
            F field = byName.apply(normalised(header.get(i)));
            if (field != null) {
                guessed.putIfAbsent(field, i);
            }
        }
        return guessed;
    }

    /**
     * The index of the column named {@code nameOrNumber}: its header (case and spaces around it do not matter), or
     * its number counting from 1.
     */
    public static OptionalInt find(List<String> header, String nameOrNumber) {
        String wanted = nameOrNumber.strip();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(wanted)) {
                return OptionalInt.of(i);
            }
        }
        if (wanted.matches("\\d{1,4}")) {
            int number = Integer.parseInt(wanted);
            if (number >= 1 && number <= header.size()) {
                return OptionalInt.of(number - 1);
            }
        }
        return OptionalInt.empty();
    }

    /** The value of column {@code index} of a row, stripped; empty when the column is not mapped or the row short. */
    public static String value(List<String> fields, Integer index) {
        return index == null || index < 0 || index >= fields.size() ? "" : fields.get(index).strip();
    }
}
