package org.ruleone.purchases.internal;

import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.copy.CopyIn;

/**
 * Encodes rows in PostgreSQL's binary COPY format: the server then reads numbers as they are instead of parsing
 * text, which is most of its work in a bulk load.
 */
final class BinaryCopyRows {

    private static final int FLUSH_AT = 1 << 18;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};

    private final CopyIn copy;
    private byte[] buffer = new byte[FLUSH_AT + 8192];
    private int length;

    BinaryCopyRows(CopyIn copy) {
        this.copy = copy;
        System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
        length = HEADER.length;
    }

    BinaryCopyRows row(int fields) {
        ensure(2);
        short16(fields);
        return this;
    }

    BinaryCopyRows int8(long value) {
        ensure(12);
        int32(8);
        int32((int) (value >>> 32));
        int32((int) value);
        return this;
    }

    BinaryCopyRows int4(int value) {
        ensure(8);
        int32(4);
        int32(value);
        return this;
    }

    /** UTF-8 bytes as they are, less any NUL (PostgreSQL text cannot hold it). */
    BinaryCopyRows text(byte[] source, int offset, int count) {
        ensure(count + 4);
        int lengthAt = length;
        length += 4;
        System.arraycopy(source, offset, buffer, length, count);
        int end = length + count;
        for (int i = length; i < end; i++) {
            if (buffer[i] == 0) {
                end = dropNuls(i, end);
                break;
            }
        }
        int n = end - lengthAt - 4;
        length = end;
        buffer[lengthAt] = (byte) (n >>> 24);
        buffer[lengthAt + 1] = (byte) (n >>> 16);
        buffer[lengthAt + 2] = (byte) (n >>> 8);
        buffer[lengthAt + 3] = (byte) n;
        return this;
    }

    private int dropNuls(int from, int end) {
        int w = from;
        for (int i = from; i < end; i++) {
            if (buffer[i] != 0) {
                buffer[w++] = buffer[i];
            }
        }
        return w;
    }

    /**
     * A {@code numeric} with four decimals, given in ten-thousandths: base-10000 digits, the last one being the four
     * decimals.
     */
    BinaryCopyRows decimal4(long tenThousandths) {
        ensure(4 + 8 + 2 * 6);
        boolean negative = tenThousandths < 0;
        long units = Math.abs(tenThousandths);
        long whole = units / 10_000;
        int fraction = (int) (units % 10_000);
        int groups = 0;
        for (long w = whole; w > 0; w /= 10_000) {
            groups++;
        }
        int ndigits = groups + (fraction != 0 ? 1 : 0);
        int weight = groups > 0 ? groups - 1 : fraction == 0 ? 0 : -1;
        int32(8 + 2 * ndigits);
        short16(ndigits);
        short16(weight);
        short16(negative && ndigits > 0 ? 0x4000 : 0);
        short16(RowParser.PRICE_SCALE);
        // The whole part's groups, most significant first, written right to left.
        int at = length + 2 * groups;
        for (long w = whole; w > 0; w /= 10_000) {
            at -= 2;
            int group = (int) (w % 10_000);
            buffer[at] = (byte) (group >>> 8);
            buffer[at + 1] = (byte) group;
        }
        length += 2 * groups;
        if (fraction != 0) {
            short16(fraction);
        }
        return this;
    }

    void endRow() throws SQLException {
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    long finish() throws SQLException {
        ensure(2);
        short16(-1);
        flush();
        return copy.endCopy();
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    private void int32(int v) {
        buffer[length++] = (byte) (v >>> 24);
        buffer[length++] = (byte) (v >>> 16);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void short16(int v) {
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
