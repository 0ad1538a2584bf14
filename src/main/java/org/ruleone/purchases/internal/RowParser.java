package org.ruleone.purchases.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
               String country) {

        boolean cancellation() {
            return invoice.startsWith("C");
        }
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
        long quantity = integer(bytes, csv.start(mapping.quantity()), csv.length(mapping.quantity()));
        if (quantity == Long.MIN_VALUE) {
            return reject(BAD_NUMBER, header.get(mapping.quantity()) + ": " + csv.string(mapping.quantity()).strip());
        }
        long price = price(bytes, csv.start(mapping.unitPrice()), csv.length(mapping.unitPrice()));
        if (price == Long.MIN_VALUE) {
            return reject(BAD_NUMBER, header.get(mapping.unitPrice()) + ": " + csv.string(mapping.unitPrice()).strip());
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
                skuStart, skuLength, descriptionStart, descriptionLength, (int) quantity, price, country), null, null);
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

    /** An integer in {@code int} range, or {@code Long.MIN_VALUE} when unreadable. */
    static long integer(byte[] bytes, int start, int length) {
        int i = trimStart(bytes, start, length);
        int end = trimEnd(bytes, i, start + length);
        if (i == end || end - i > 11) {
            return Long.MIN_VALUE;
        }
        boolean negative = bytes[i] == '-';
        if (negative || bytes[i] == '+') {
            i++;
        }
        if (i == end) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return Long.MIN_VALUE;
            }
            value = value * 10 + digit;
        }
        value = negative ? -value : value;
        return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? Long.MIN_VALUE : value;
    }

    /** The price in ten-thousandths, accepting a decimal point or comma; {@code Long.MIN_VALUE} when unreadable. */
    static long price(byte[] bytes, int start, int length) {
        int i = trimStart(bytes, start, length);
        int end = trimEnd(bytes, i, start + length);
        if (i == end || end - i > 18) {
            return slowPrice(new String(bytes, i, end - i, StandardCharsets.ISO_8859_1));
        }
        boolean negative = bytes[i] == '-';
        if (negative || bytes[i] == '+') {
            i++;
        }
        long units = 0;
        int decimals = -1;
        boolean digits = false;
        for (int at = i; at < end; at++) {
            byte c = bytes[at];
            if (c >= '0' && c <= '9') {
                if (decimals >= 0 && ++decimals > PRICE_SCALE) {
                    return slowPrice(new String(bytes, start, length, StandardCharsets.ISO_8859_1).strip());
                }
                units = units * 10 + (c - '0');
                digits = true;
            } else if ((c == '.' || c == ',') && decimals < 0) {
                decimals = 0;
            } else {
                return Long.MIN_VALUE;
            }
        }
        if (!digits) {
            return Long.MIN_VALUE;
        }
        for (int d = Math.max(decimals, 0); d < PRICE_SCALE; d++) {
            units *= 10;
        }
        return negative ? -units : units;
    }

    private static long slowPrice(String text) {
        try {
            BigDecimal value = new BigDecimal(text.replace(',', '.')).setScale(PRICE_SCALE, RoundingMode.HALF_UP);
            return value.abs().compareTo(new BigDecimal("9999999999")) < 0 ? value.unscaledValue().longValueExact()
                    : Long.MIN_VALUE;
        } catch (NumberFormatException | ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Rows of one invoice share their date, so the last answer is kept. */
    private String date(CsvReader csv) {
        int column = mapping.date();
        String text = text(csv, column, rawDates);
        if (text == rawDates.previous) {
            return lastDate;
        }
        String parsed;
        try {
            TemporalAccessor t = dateFormat.parseBest(text, LocalDateTime::from, LocalDate::from);
            LocalDateTime at = t instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) t;
            parsed = at.getYear() < 1900 || at.getYear() > 2999 ? null : at.toString();
        } catch (DateTimeParseException e) {
            parsed = null;
        }
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
