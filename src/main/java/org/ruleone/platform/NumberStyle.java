package org.ruleone.platform;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the numbers of a file are written: which character separates the decimals and which (if any) groups the
 * thousands. A value is read by the one style the person chose (or that was detected from the file and shown to them),
 * and a value that style cannot read exactly is refused, never read some other way: under {@link #POINT_COMMA}
 * {@code 1.300} is 1300 and {@code 1.30} is refused (a group of thousands has three digits); under {@link #PLAIN_POINT}
 * {@code 1.300} is 1.3 and {@code 2.350,00} is refused.
 */
public enum NumberStyle {
    /** {@code 1234.56} */
    PLAIN_POINT('.', "", "1234.56"),
    /** {@code 1,234.56} (the thousands separator may be left out: {@code 1234.56} too) */
    COMMA_POINT('.', ",", "1,234.56"),
    /** {@code 1234,56} */
    PLAIN_COMMA(',', "", "1234,56"),
    /** {@code 1.234,56} */
    POINT_COMMA(',', ".", "1.234,56"),
    /** {@code 1 234,56}, with a space, a no-break space or a narrow no-break space */
    SPACE_COMMA(',', " \u00A0\u202F", "1 234,56");

    /** A value that could be a number in some style: digits, separators and at most a leading sign. */
    private static final Pattern NUMERIC = Pattern.compile("[-+]?[0-9.,' \u00A0\u202F]*[0-9][0-9.,' \u00A0\u202F]*");
    private static final byte[] NBSP = "\u00A0".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NARROW_NBSP = "\u202F".getBytes(StandardCharsets.UTF_8);
    /** At most 18 digits, so that the unscaled value always fits a {@code long}. */
    private static final int MAX_DIGITS = 18;

    private final byte decimal;
    private final String groups;
    private final String example;

    NumberStyle(char decimal, String groups, String example) {
        this.decimal = (byte) decimal;
        this.groups = groups;
        this.example = example;
    }

    /** How a thousand and a bit is written in this style, as the mapping screen shows it. */
    public String example() {
        return example;
    }

    /**
     * The value of UTF-8 bytes times 10^{@code scale}, or {@link Long#MIN_VALUE} when this style cannot read them
     * exactly: not a number in this style, a misplaced thousands separator, more significant decimals than
     * {@code scale}, or more than 18 digits. Spaces and tabs around the value are ignored.
     */
    public long unscaled(byte[] bytes, int start, int length, int scale) {
        int i = start;
        int end = start + length;
        while (i < end && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        while (end > i && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
            end--;
        }
        if (i == end) {
            return Long.MIN_VALUE;
        }
        boolean negative = bytes[i] == '-';
        if (negative || bytes[i] == '+') {
            i++;
        }
        long units = 0;
        int digits = 0;
        int integerDigits = 0;
        int decimals = -1;
        int kept = 0;
        int groupDigits = -1;
        while (i < end) {
            byte c = bytes[i];
            if (c >= '0' && c <= '9') {
                if (decimals >= 0) {
                    decimals++;
                    if (decimals > scale) {
                        if (c != '0') {
                            return Long.MIN_VALUE;
                        }
                        i++;
                        continue;
                    }
                    kept++;
                } else {
                    integerDigits++;
                    if (groupDigits >= 0) {
                        groupDigits++;
                    }
                }
                if (units != 0 || c != '0') {
                    if (++digits > MAX_DIGITS) {
                        return Long.MIN_VALUE;
                    }
                }
                units = units * 10 + (c - '0');
                i++;
            } else if (c == decimal && decimals < 0) {
                if (groupDigits >= 0 && groupDigits != 3) {
                    return Long.MIN_VALUE;
                }
                decimals = 0;
                i++;
            } else {
                int width = groupSeparator(bytes, i, end);
                if (width == 0 || decimals >= 0 || integerDigits == 0
                        || (groupDigits < 0 ? integerDigits > 3 : groupDigits != 3)) {
                    return Long.MIN_VALUE;
                }
                groupDigits = 0;
                i += width;
            }
        }
        if (integerDigits + Math.max(decimals, 0) == 0 || (groupDigits >= 0 && decimals < 0 && groupDigits != 3)) {
            return Long.MIN_VALUE;
        }
        for (int d = kept; d < scale; d++) {
            if (++digits > MAX_DIGITS && units != 0) {
                return Long.MIN_VALUE;
            }
            units *= 10;
        }
        return negative ? -units : units;
    }

    /** The width in bytes of the thousands separator at {@code i}, or 0 when there is none there. */
    private int groupSeparator(byte[] bytes, int i, int end) {
        if (groups.isEmpty()) {
            return 0;
        }
        byte c = bytes[i];
        if (c == ',' || c == '.' || c == ' ') {
            return groups.indexOf(c) >= 0 ? 1 : 0;
        }
        if (groups.length() > 1) {
            if (startsWith(bytes, i, end, NBSP)) {
                return NBSP.length;
            }
            if (startsWith(bytes, i, end, NARROW_NBSP)) {
                return NARROW_NBSP.length;
            }
        }
        return 0;
    }

    private static boolean startsWith(byte[] bytes, int i, int end, byte[] prefix) {
        if (end - i < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (bytes[i + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** The value of {@code text}, exact to {@code scale} decimals, or empty when this style cannot read it. */
    public Optional<BigDecimal> read(String text, int scale) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long unscaled = unscaled(bytes, 0, bytes.length, scale);
        return unscaled == Long.MIN_VALUE ? Optional.empty() : Optional.of(BigDecimal.valueOf(unscaled, scale));
    }

    /**
     * The value of {@code text} when every style that can read it reads the same ({@code 189,00}, {@code 2.350,00},
     * {@code 1,234.56}); empty when none can, or when styles disagree ({@code 1.300}: 1.3 or 1300).
     */
    public static Optional<BigDecimal> readUnambiguous(String text, int scale) {
        BigDecimal found = null;
        for (NumberStyle style : values()) {
            Optional<BigDecimal> value = style.read(text, scale);
            if (value.isPresent()) {
                if (found != null && found.compareTo(value.get()) != 0) {
                    return Optional.empty();
                }
                found = value.get();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * What a file's values say about its number style.
     *
     * @param style     the style that reads the most values, when no other style reads as many of them differently
     * @param ambiguous when no style was chosen: a value that the best styles read differently (e.g. {@code 1.300})
     */
    public record Detection(Optional<NumberStyle> style, Optional<String> ambiguous) {
    }

    /**
     * The style of a file, from all its values (those that are not numbers in any style, such as dates or codes, say
     * nothing). When two styles read as many values but some value differently (a file whose only numbers are like
     * {@code 1.300}), none is chosen: the person must say.
     */
    public static Detection detect(Collection<String> values) {
        List<String> numbers = new ArrayList<>();
        for (String value : values) {
            String v = value.strip();
            if (NUMERIC.matcher(v).matches()) {
                numbers.add(v);
            }
        }
        int[] read = new int[values().length];
        List<List<Optional<BigDecimal>>> readings = new ArrayList<>();
        for (NumberStyle style : values()) {
            List<Optional<BigDecimal>> r = new ArrayList<>(numbers.size());
            for (String n : numbers) {
                Optional<BigDecimal> v = style.read(n, 6);
                r.add(v);
                if (v.isPresent()) {
                    read[style.ordinal()]++;
                }
            }
            readings.add(r);
        }
        int best = 0;
        for (int count : read) {
            best = Math.max(best, count);
        }
        if (best == 0) {
            return new Detection(Optional.empty(), Optional.empty());
        }
        NumberStyle chosen = null;
        for (NumberStyle style : values()) {
            if (read[style.ordinal()] != best) {
                continue;
            }
            if (chosen == null) {
                chosen = style;
                continue;
            }
            List<Optional<BigDecimal>> a = readings.get(chosen.ordinal());
            List<Optional<BigDecimal>> b = readings.get(style.ordinal());
            for (int k = 0; k < numbers.size(); k++) {
                if (a.get(k).isPresent() && b.get(k).isPresent() && a.get(k).get().compareTo(b.get(k).get()) != 0) {
                    return new Detection(Optional.empty(), Optional.of(numbers.get(k)));
                }
            }
        }
        return new Detection(Optional.of(chosen), Optional.empty());
    }
}
