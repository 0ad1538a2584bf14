package org.ruleone.purchases.web;

import java.util.Optional;

import org.ruleone.platform.CsvDates;
import org.ruleone.platform.NumberStyle;
import org.ruleone.purchases.ColumnMapping;
import org.springframework.validation.BindingResult;

/**
 * The column-mapping screen: which column holds what (-1 for none), the date and number formats, what marks a
 * return, the store and the mode.
 *
 * @param numberStyle  a {@link NumberStyle} name; empty until detected or chosen
 * @param returnPrefix an invoice number starting with this is a return (empty: none)
 * @param returnColumn a column that says whether a row is a return (-1: none)
 * @param mode         {@code GOOD_ROWS} (import the good rows, list the bad ones) or {@code ALL_OR_NOTHING}
 */
record ImportMappingForm(String upload, String fileName, Long storeId, String delimiter, Integer invoice,
                         Integer date, String dateFormat, Integer customer, Integer sku, Integer description,
                         Integer quantity, Integer unitPrice, Integer country, String numberStyle,
                         String returnPrefix, Integer returnColumn, String mode) {

    static final String GOOD_ROWS = "GOOD_ROWS";
    static final String ALL_OR_NOTHING = "ALL_OR_NOTHING";

    static ImportMappingForm of(String upload, String fileName, Long storeId, ColumnMapping m,
                                Optional<NumberStyle> numberStyle) {
        return new ImportMappingForm(upload, fileName, storeId, String.valueOf(m.delimiter()), m.invoice(), m.date(),
                m.dateFormat(), m.customer(), m.sku(), m.description(), m.quantity(), m.unitPrice(), m.country(),
                numberStyle.map(Enum::name).orElse(""), m.returns().invoicePrefix(), m.returns().column(), GOOD_ROWS);
    }

    boolean allOrNothing() {
        return ALL_OR_NOTHING.equals(mode);
    }

    /** The mapping, or field errors naming what is missing or wrong. */
    ColumnMapping mapping(int columns, BindingResult errors) {
        required("invoice", invoice, columns, errors);
        required("date", date, columns, errors);
        required("unitPrice", unitPrice, columns, errors);
        if (CsvDates.format(dateFormat).isEmpty()) {
            errors.rejectValue("dateFormat", "import.validation.dateFormat");
        }
        NumberStyle style = style().orElse(null);
        if (style == null) {
            errors.rejectValue("numberStyle", "import.validation.numberStyle");
        }
        String prefix = returnPrefix == null ? "" : returnPrefix.strip();
        if (prefix.length() > 20) {
            errors.rejectValue("returnPrefix", "import.validation.returnPrefix");
        }
        char separator = delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0);
        return new ColumnMapping(separator, index(invoice), index(date), dateFormat == null ? "" : dateFormat.strip(),
                optional(customer, columns), optional(sku, columns), optional(description, columns),
                optional(quantity, columns), index(unitPrice), optional(country, columns), style,
                new ColumnMapping.Returns(prefix, optional(returnColumn, columns)));
    }

    private Optional<NumberStyle> style() {
        try {
            return numberStyle == null || numberStyle.isBlank() ? Optional.empty()
                    : Optional.of(NumberStyle.valueOf(numberStyle));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
