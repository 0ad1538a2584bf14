package org.ruleone.purchases;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which column of a POS export holds what. Columns are counted from 0; -1 means the export has no such column
 * (only invoice, date, quantity and unit price are required).
 *
 * @param delimiter  the field separator, {@code ,} or {@code ;} (or a tab)
 * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern, e.g. {@code yyyy-MM-dd HH:mm:ss}
 */
public record ColumnMapping(char delimiter, int invoice, int date, String dateFormat, int customer, int sku,
                            int description, int quantity, int unitPrice, int country) {

    public static final String ONLINE_RETAIL = "online-retail";

    /** The UCI Online Retail layout: {@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}. */
    public static ColumnMapping onlineRetail() {
        return new ColumnMapping(',', 0, 4, "yyyy-MM-dd HH:mm:ss", 6, 1, 2, 3, 5, 7);
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

    /** The separator a header line uses: whichever of {@code ;}, tab and {@code ,} it holds most of. */
    public static char guessDelimiter(String headerLine) {
        long commas = headerLine.chars().filter(c -> c == ',').count();
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The largest column index this mapping reads. */
    public int highestColumn() {
        return Math.max(Math.max(Math.max(invoice, date), Math.max(customer, sku)),
                Math.max(Math.max(description, quantity), Math.max(unitPrice, country)));
    }
}
