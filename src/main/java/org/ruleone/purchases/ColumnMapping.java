package org.ruleone.purchases;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ruleone.platform.NumberStyle;

/**
 * Which column of a POS export holds what. Columns are counted from 0; -1 means the export has no such column
 * (only invoice, date and unit price are required; without a quantity column each row is one item).
 *
 * @param delimiter   the field separator, {@code ,} or {@code ;} (or a tab)
 * @param dateFormat  a {@link java.time.format.DateTimeFormatter} pattern, e.g. {@code yyyy-MM-dd HH:mm:ss}
 * @param numberStyle how quantities and prices are written; a value it cannot read exactly is rejected
 * @param returns     what marks a row as a return, besides a negative quantity
 */
public record ColumnMapping(char delimiter, int invoice, int date, String dateFormat, int customer, int sku,
                            int description, int quantity, int unitPrice, int country, NumberStyle numberStyle,
                            Returns returns) {

    public static final String ONLINE_RETAIL = "online-retail";

    /**
     * A mapping stored before number styles and return rules existed read its numbers with a decimal point and took
     * an invoice starting with "C" for a cancellation, as the import then did for every file.
     */
    public ColumnMapping {
        numberStyle = numberStyle == null ? NumberStyle.PLAIN_POINT : numberStyle;
        returns = returns == null ? Returns.invoicePrefix("C") : returns;
        dateFormat = dateFormat == null ? "" : dateFormat;
    }

    /**
     * What makes a row a return (its quantity then counts as taken back, whatever its sign in the file). A negative
     * quantity is always a return.
     *
     * @param invoicePrefix an invoice number starting with this is a return (empty: no such rule), e.g. "C" in the
     *                      UCI Online Retail file
     * @param column        a column whose value says "return" (yes, true, 1, x, R, return, refund, oui, retour,
     *                      tak, zwrot...), or -1
     */
    public record Returns(String invoicePrefix, int column) {

        private static final java.util.Set<String> YES = java.util.Set.of("1", "y", "yes", "true", "x", "r", "return",
                "returned", "refund", "o", "oui", "vrai", "retour", "avoir", "remboursement", "t", "tak", "prawda",
                "zwrot");

        public Returns {
            invoicePrefix = invoicePrefix == null ? "" : invoicePrefix.strip();
        }

        public static Returns none() {
            return new Returns("", -1);
        }

        public static Returns invoicePrefix(String prefix) {
            return new Returns(prefix, -1);
        }

        public boolean byInvoice(String invoice) {
            return !invoicePrefix.isEmpty() && invoice.startsWith(invoicePrefix);
        }

        /** True when a return column's value says "return". */
        public static boolean says(String value) {
            return YES.contains(value.strip().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The UCI Online Retail layout: {@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country};
     * an invoice starting with "C" is a cancellation (that rule is this file's, not every file's).
     */
    public static ColumnMapping onlineRetail() {
        return new ColumnMapping(',', 0, 4, "yyyy-MM-dd HH:mm:ss", 6, 1, 2, 3, 5, 7, NumberStyle.PLAIN_POINT,
                Returns.invoicePrefix("C"));
    }

    /** A mapping with no column chosen yet, for the mapping screen. */
    public static ColumnMapping blank(char delimiter, NumberStyle numberStyle) {
        return new ColumnMapping(delimiter, -1, -1, "yyyy-MM-dd HH:mm:ss", -1, -1, -1, -1, -1, -1, numberStyle,
                Returns.none());
    }

    private static final List<String> ONLINE_RETAIL_HEADER = List.of("invoiceno", "stockcode", "description",
            "quantity", "invoicedate", "unitprice", "customerid", "country");

    /** The built-in preset whose header this is, if any. */
    public static Optional<ColumnMapping> detect(List<String> header) {
        List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        return names.equals(ONLINE_RETAIL_HEADER) ? Optional.of(onlineRetail()) : Optional.empty();
    }

    /** A preset by its name, as given to the shell import. */
    public static Optional<ColumnMapping> preset(String name) {
        return ONLINE_RETAIL.equalsIgnoreCase(name) ? Optional.of(onlineRetail()) : Optional.empty();
    }

    /** The largest column index this mapping reads. */
    public int highestColumn() {
        return Math.max(Math.max(Math.max(Math.max(invoice, date), Math.max(customer, sku)),
                Math.max(Math.max(description, quantity), Math.max(unitPrice, country))), returns.column());
    }
}
