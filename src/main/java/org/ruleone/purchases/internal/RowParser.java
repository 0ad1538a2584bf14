package org.ruleone.purchases.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ruleone.platform.CsvDates;
import org.ruleone.platform.CsvReader;
import org.ruleone.purchases.ColumnMapping;

/**
 * Reads one CSV record through a column mapping, working on the record's bytes: rows of one invoice repeat their
 * invoice number, date and customer, so those are decoded once and reused. A line's position in its invoice is
 * counted over every row that names the invoice, good or bad, so fixing a bad row and importing the file again adds
 * exactly that row.
 */
final class RowParser {

    static final String COLUMN_COUNT = "COLUMN_COUNT";
    static final String BAD_ENCODING = "BAD_ENCODING";
    static final String MISSING_INVOICE = "MISSING_INVOICE";
    static final String BAD_NUMBER = "BAD_NUMBER";
    static final String BAD_DATE = "BAD_DATE";

    /** Prices are kept as ten-thousandths, the precision of {@code purchase_line.unit_price}. */
    static final int PRICE_SCALE = 4;
    /** {@code numeric(14,4)}: ten digits before the point. */
    private static final long MAX_PRICE = 100_000_000_000_000L;

    private final ColumnMapping mapping;
    private final int columns;
    private final List<String> header;
    private final DateTimeFormatter dateFormat;
    private final Map<String, int[]> linesPerInvoice = new HashMap<>();
    private final Recent invoices = new Recent();
    private final Recent customers = new Recent();
    private final Recent countries = new Recent();
    private final Recent rawDates = new Recent();
    private String lastDate;
    private String lastInvoice;
    private int[] lastCounter;

    RowParser(ColumnMapping mapping, List<String> header) {
        this.mapping = mapping;
        this.header = List.copyOf(header);
        this.columns = header.size();
        this.dateFormat = DateTimeFormatter.ofPattern(mapping.dateFormat());
    }

    /**
     * One good row, ready to load; {@code purchasedAt} is local time in the store's zone, ISO-formatted. The SKU and
     * description are ranges of {@code bytes}, valid until the reader moves on.
     */
    record Row(String invoice, int lineInInvoice, String purchasedAt, String customer, byte[] bytes, int skuStart,
               int skuLength, int descriptionStart, int descriptionLength, int quantity, long unitPrice,
               String country, boolean markedReturn) {
    }

    /** Either a row or the reason it was rejected. */
    record Outcome(Row row, String reason, String detail) {
    }

    Outcome parse(CsvReader csv) {
        if (csv.size() != columns) {
            return reject(COLUMN_COUNT, csv.size() + " / " + columns);
        }
        byte[] bytes = csv.bytes();
        String invoice = text(csv, mapping.invoice(), invoices);
        if (invoice.isEmpty()) {
            return reject(MISSING_INVOICE, header.get(mapping.invoice()));
        }
        if (invoice != lastInvoice) {
            lastInvoice = invoice;
            lastCounter = linesPerInvoice.computeIfAbsent(invoice, k -> new int[1]);
        }
        int lineInInvoice = ++lastCounter[0];
        if (csv.malformed()) {
            return reject(BAD_ENCODING, "");
        }
        long quantity = 1;
        if (mapping.quantity() >= 0) {
            quantity = quantity(bytes, csv.start(mapping.quantity()), csv.length(mapping.quantity()));
            if (quantity == Long.MIN_VALUE) {
                return badNumber(csv, mapping.quantity());
            }
        }
        long price = price(bytes, csv.start(mapping.unitPrice()), csv.length(mapping.unitPrice()));
        if (price == Long.MIN_VALUE) {
            return badNumber(csv, mapping.unitPrice());
        }
        boolean markedReturn = mapping.returns().byInvoice(invoice)
                || (mapping.returns().column() >= 0 && ColumnMapping.Returns.says(csv.string(mapping.returns().column())));
        if (markedReturn && quantity > 0) {
            quantity = -quantity;
        }
        String date = date(csv);
        if (date == null) {
            return reject(BAD_DATE, header.get(mapping.date()) + ": " + csv.string(mapping.date()).strip());
        }
        String customer = mapping.customer() < 0 ? "" : text(csv, mapping.customer(), customers);
        String country = mapping.country() < 0 ? "" : text(csv, mapping.country(), countries);
        int skuStart = 0;
        int skuLength = 0;
        if (mapping.sku() >= 0) {
            skuStart = trimStart(bytes, csv.start(mapping.sku()), csv.length(mapping.sku()));
            skuLength = trimEnd(bytes, skuStart, csv.start(mapping.sku()) + csv.length(mapping.sku())) - skuStart;
        }
        int descriptionStart = 0;
        int descriptionLength = 0;
        if (mapping.description() >= 0) {
            int s = csv.start(mapping.description());
            descriptionStart = trimStart(bytes, s, csv.length(mapping.description()));
            descriptionLength = trimEnd(bytes, descriptionStart, s + csv.length(mapping.description()))
                    - descriptionStart;
        }
        return new Outcome(new Row(invoice, lineInInvoice, date, customer.isEmpty() ? null : customer, bytes,
                skuStart, skuLength, descriptionStart, descriptionLength, (int) quantity, price, country, markedReturn),
                null, null);
    }

    /** The value, and the number style it was read with: "1.30" is refused under 1.234,56, where it cannot be. */
    private Outcome badNumber(CsvReader csv, int column) {
        String value = csv.string(column).strip();
        boolean digits = value.chars().anyMatch(Character::isDigit);
        return reject(BAD_NUMBER, header.get(column) + ": " + value
                + (digits ? " (" + mapping.numberStyle().example() + ")" : ""));
    }

    private static Outcome reject(String reason, String detail) {
        return new Outcome(null, reason, detail);
    }

    private static String text(CsvReader csv, int column, Recent recent) {
        byte[] bytes = csv.bytes();
        int from = trimStart(bytes, csv.start(column), csv.length(column));
        int to = trimEnd(bytes, from, csv.start(column) + csv.length(column));
        return recent.of(bytes, from, to - from);
    }

    private static int trimStart(byte[] bytes, int from, int length) {
        int end = from + length;
        while (from < end && (bytes[from] == ' ' || bytes[from] == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimEnd(byte[] bytes, int from, int to) {
        while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    /** A whole number in {@code int} range in the mapping's number style, or {@code Long.MIN_VALUE}. */
    long quantity(byte[] bytes, int start, int length) {
        long value = mapping.numberStyle().unscaled(bytes, start, length, 0);
        return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? Long.MIN_VALUE : value;
    }

    /**
     * The price in ten-thousandths in the mapping's number style; {@code Long.MIN_VALUE} when that style cannot read
     * it exactly, or it does not fit {@code purchase_line.unit_price}.
     */
    long price(byte[] bytes, int start, int length) {
        long value = mapping.numberStyle().unscaled(bytes, start, length, PRICE_SCALE);
        return value == Long.MIN_VALUE || Math.abs(value) >= MAX_PRICE ? Long.MIN_VALUE : value;
    }

    /** Rows of one invoice share their date, so the last answer is kept. */
    private String date(CsvReader csv) {
        int column = mapping.date();
        String text = text(csv, column, rawDates);
        if (text == rawDates.previous) {
            return lastDate;
        }
        String parsed = CsvDates.read(dateFormat, text).map(LocalDateTime::toString).orElse(null);
        rawDates.previous = text;
        lastDate = parsed;
        return parsed;
    }

    /** The last value decoded from one column, reused while the next rows repeat its bytes. */
    private static final class Recent {
        private byte[] bytes = new byte[64];
        private int length = -1;
        private String value;
        String previous;

        String of(byte[] source, int from, int n) {
            if (n == length && Arrays.equals(source, from, from + n, bytes, 0, n)) {
                return value;
            }
            if (n > bytes.length) {
                bytes = new byte[n * 2];
            }
            System.arraycopy(source, from, bytes, 0, n);
            length = n;
            value = new String(source, from, n, StandardCharsets.UTF_8);
            return value;
        }
    }
}
