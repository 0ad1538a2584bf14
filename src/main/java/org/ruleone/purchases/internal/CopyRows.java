package org.ruleone.purchases.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.copy.CopyIn;

/** Encodes rows in PostgreSQL's COPY text format (used for the purchases; the lines go in binary). */
final class CopyRows {

    private static final int FLUSH_AT = 1 << 18;

    private final CopyIn copy;
    private byte[] buffer = new byte[FLUSH_AT + 4096];
    private int length;

    CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    CopyRows text(String value) {
        int n = value.length();
        ensure(n * 2);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                escapedUtf8(value.substring(i));
                return this;
            }
            switch (c) {
                case '\\' -> put2('\\', '\\');
                case '\t' -> put2('\\', 't');
                case '\n' -> put2('\\', 'n');
                case '\r' -> put2('\\', 'r');
                case 0 -> { } // PostgreSQL text cannot hold NUL; it is dropped
                default -> buffer[length++] = (byte) c;
            }
        }
        return this;
    }

    private void escapedUtf8(String rest) {
        byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length * 2);
        for (byte b : bytes) {
            switch (b) {
                case '\\' -> put2('\\', '\\');
                case '\t' -> put2('\\', 't');
                case '\n' -> put2('\\', 'n');
                case '\r' -> put2('\\', 'r');
                case 0 -> { }
                default -> buffer[length++] = b;
            }
        }
    }

    CopyRows number(long value) {
        ensure(20);
        if (value < 0) {
            buffer[length++] = '-';
            if (value == Long.MIN_VALUE) {
                return text("9223372036854775808");
            }
            value = -value;
        }
        return digits(value, 1);
    }

    /** A fixed-point number with {@code scale} decimals, e.g. 25500 with scale 4 is 2.5500. */
    CopyRows decimal(long unscaled, int scale) {
        ensure(24);
        if (unscaled < 0) {
            buffer[length++] = '-';
            unscaled = -unscaled;
        }
        long pow = 1;
        for (int i = 0; i < scale; i++) {
            pow *= 10;
        }
        digits(unscaled / pow, 1);
        buffer[length++] = '.';
        return digits(unscaled % pow, scale);
    }

    /** Writes a non-negative number with at least {@code width} digits. */
    private CopyRows digits(long value, int width) {
        int start = length;
        int n = 0;
        do {
            buffer[length++] = (byte) ('0' + value % 10);
            value /= 10;
            n++;
        } while (value > 0 || n < width);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
        return this;
    }

    CopyRows nullValue() {
        ensure(2);
        return put2('\\', 'N');
    }

    CopyRows tab() {
        ensure(1);
        buffer[length++] = '\t';
        return this;
    }

    void endRow() throws SQLException {
        ensure(1);
        buffer[length++] = '\n';
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    private CopyRows put2(char a, char b) {
        buffer[length++] = (byte) a;
        buffer[length++] = (byte) b;
        return this;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
