package org.ruleone.purchases.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ruleone.purchases.ColumnMapping;

/**
 * Reads one CSV record through a column mapping. A line's position in its invoice is counted over every row that
 * names the invoice, good or bad, so fixing a bad row and importing the file again adds exactly that row.
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
    private String lastRawDate;
    private String lastDate;

    RowParser(ColumnMapping mapping, List<String> header) {
        this.mapping = mapping;
        this.header = List.copyOf(header);
        this.columns = header.size();
        this.dateFormat = DateTimeFormatter.ofPattern(mapping.dateFormat());
    }

    /** One good row, ready to load; {@code purchasedAt} is local time in the store's zone, ISO-formatted. */
    record Row(String invoice, int lineInInvoice, String purchasedAt, String customer, String sku,
               String description, int quantity, long unitPrice, String country) {

        boolean cancellation() {
            return invoice.startsWith("C");
        }
    }

    /** Either a row or the reason it was rejected. */
    record Outcome(Row row, String reason, String detail) {
    }

    Outcome parse(List<String> fields, boolean malformed) {
        if (fields.size() != columns) {
            return reject(COLUMN_COUNT, fields.size() + " / " + columns);
        }
        String invoice = fields.get(mapping.invoice()).strip();
        if (invoice.isEmpty()) {
            return reject(MISSING_INVOICE, header.get(mapping.invoice()));
        }
        int lineInInvoice = ++linesPerInvoice.computeIfAbsent(invoice, k -> new int[1])[0];
        if (malformed) {
            return reject(BAD_ENCODING, "");
        }
        String quantityText = fields.get(mapping.quantity()).strip();
        int quantity;
        try {
            quantity = Integer.parseInt(quantityText);
        } catch (NumberFormatException e) {
            return reject(BAD_NUMBER, header.get(mapping.quantity()) + ": " + quantityText);
        }
        String priceText = fields.get(mapping.unitPrice()).strip();
        long price = price(priceText);
        if (price == Long.MIN_VALUE) {
            return reject(BAD_NUMBER, header.get(mapping.unitPrice()) + ": " + priceText);
        }
        String dateText = fields.get(mapping.date()).strip();
        String date = date(dateText);
        if (date == null) {
            return reject(BAD_DATE, header.get(mapping.date()) + ": " + dateText);
        }
        String customer = optional(fields, mapping.customer());
        return new Outcome(new Row(invoice, lineInInvoice, date, customer.isEmpty() ? null : customer,
                optional(fields, mapping.sku()), optional(fields, mapping.description()), quantity, price,
                optional(fields, mapping.country())), null, null);
    }

    private static Outcome reject(String reason, String detail) {
        return new Outcome(null, reason, detail);
    }

    private static String optional(List<String> fields, int column) {
        return column < 0 ? "" : fields.get(column).strip();
    }

    /** The price in ten-thousandths, accepting a decimal point or comma; {@code Long.MIN_VALUE} when unreadable. */
    static long price(String text) {
        int length = text.length();
        if (length == 0 || length > 18) {
            return slowPrice(text);
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            i++;
        }
        long units = 0;
        int decimals = -1;
        boolean digits = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (decimals >= 0 && ++decimals > PRICE_SCALE) {
                    return slowPrice(text);
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
    private String date(String text) {
        if (text.equals(lastRawDate)) {
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
        lastRawDate = text;
        lastDate = parsed;
        return parsed;
    }
}
