package org.ruleone.purchases.web;

import java.time.format.DateTimeFormatter;

import org.ruleone.purchases.ColumnMapping;
import org.springframework.validation.BindingResult;

/**
 * The column-mapping screen: which column holds what (-1 for none), the date format, the store and the mode.
 *
 * @param mode {@code GOOD_ROWS} (import the good rows, list the bad ones) or {@code ALL_OR_NOTHING}
 */
record ImportMappingForm(String upload, String fileName, Long storeId, String delimiter, Integer invoice,
                         Integer date, String dateFormat, Integer customer, Integer sku, Integer description,
                         Integer quantity, Integer unitPrice, Integer country, String mode) {

    static final String GOOD_ROWS = "GOOD_ROWS";
    static final String ALL_OR_NOTHING = "ALL_OR_NOTHING";

    static ImportMappingForm of(String upload, String fileName, Long storeId, ColumnMapping m) {
        return new ImportMappingForm(upload, fileName, storeId, String.valueOf(m.delimiter()), m.invoice(), m.date(),
                m.dateFormat(), m.customer(), m.sku(), m.description(), m.quantity(), m.unitPrice(), m.country(),
                GOOD_ROWS);
    }

    boolean allOrNothing() {
        return ALL_OR_NOTHING.equals(mode);
    }

    /** The mapping, or field errors naming what is missing or wrong. */
    ColumnMapping mapping(int columns, BindingResult errors) {
        required("invoice", invoice, columns, errors);
        required("date", date, columns, errors);
        required("quantity", quantity, columns, errors);
        required("unitPrice", unitPrice, columns, errors);
        try {
            DateTimeFormatter.ofPattern(dateFormat == null ? "" : dateFormat);
            if (dateFormat == null || dateFormat.isBlank()) {
                errors.rejectValue("dateFormat", "import.validation.dateFormat");
            }
        } catch (IllegalArgumentException e) {
            errors.rejectValue("dateFormat", "import.validation.dateFormat");
        }
        char separator = delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0);
        return new ColumnMapping(separator, index(invoice), index(date), dateFormat == null ? "" : dateFormat.strip(),
                optional(customer, columns), optional(sku, columns), optional(description, columns), index(quantity),
                index(unitPrice), optional(country, columns));
    }

    private static void required(String field, Integer column, int columns, BindingResult errors) {
        if (column == null || column < 0 || column >= columns) {
            errors.rejectValue(field, "import.validation.column");
        }
    }

    private static int index(Integer column) {
        return column == null ? -1 : column;
    }

    private static int optional(Integer column, int columns) {
        return column == null || column < 0 || column >= columns ? -1 : column;
    }
}
