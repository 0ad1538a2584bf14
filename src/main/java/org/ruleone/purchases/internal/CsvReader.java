package org.ruleone.purchases.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming RFC 4180 reader working on bytes, so it can tell exactly which record holds malformed UTF-8 and
 * keep going with the next one (a {@code Reader} would replace or throw for the whole file).
 * Quoted fields may hold delimiters, doubled quotes and line breaks; a UTF-8 byte-order mark is skipped.
 */
public final class CsvReader implements Closeable {

    private static final int MAX_RAW = 500;

    private final InputStream in;
    private final byte delimiter;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean eof;
    private long nextLine = 1;

    private byte[] record = new byte[4096];
    private int recordLength;
    private byte[] field = new byte[1024];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** The current record. */
    private final List<String> fields = new ArrayList<>(16);
    private long line;
    private boolean malformed;

    public CsvReader(InputStream in, char delimiter) throws IOException {
        this.in = in;
        this.delimiter = (byte) delimiter;
        fill();
        if (limit >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
            position = 3;
        }
    }

    /** Reads the next record; false at the end of the input. */
    public boolean next() throws IOException {
        if (!readRecord()) {
            return false;
        }
        split();
        return true;
    }

    /** The fields of the current record, decoded (malformed bytes replaced when {@link #malformed()}). */
    public List<String> fields() {
        return fields;
    }

    /** The physical line the current record starts on (the header is line 1). */
    public long line() {
        return line;
    }

    /** True when the current record holds bytes that are not valid UTF-8. */
    public boolean malformed() {
        return malformed;
    }

    /** The current record as it was in the file, cut to a readable length, for error reports. */
    public String raw() {
        return new String(record, 0, Math.min(recordLength, MAX_RAW), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean fill() throws IOException {
        while (!eof) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                eof = true;
            } else if (n > 0) {
                position = 0;
                limit = n;
                return true;
            }
        }
        position = limit = 0;
        return false;
    }

    /** Copies the bytes of one record (up to an unquoted line break) into {@code record}. */
    private boolean readRecord() throws IOException {
        recordLength = 0;
        line = nextLine;
        boolean quoted = false;
        boolean any = false;
        while (true) {
            if (position >= limit && !fill()) {
                if (!any) {
                    return false;
                }
                break;
            }
            any = true;
            byte b = buffer[position++];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n') {
                nextLine++;
                if (!quoted) {
                    break;
                }
            }
            append(b);
        }
        if (recordLength > 0 && record[recordLength - 1] == '\r') {
            recordLength--;
        }
        return true;
    }

    private void append(byte b) {
        if (recordLength == record.length) {
            record = Arrays.copyOf(record, record.length * 2);
        }
        record[recordLength++] = b;
    }

    private void split() {
        fields.clear();
        malformed = false;
        int i = 0;
        while (true) {
            int length = 0;
            boolean ascii = true;
            if (i < recordLength && record[i] == '"') {
                i++;
                while (i < recordLength) {
                    byte b = record[i++];
                    if (b == '"') {
                        if (i < recordLength && record[i] == '"') {
                            i++;
                        } else {
                            break;
                        }
                    }
                    field = put(field, length++, b);
                    ascii &= b >= 0;
                }
                // Anything between the closing quote and the delimiter belongs to the field, as most readers keep it.
                while (i < recordLength && record[i] != delimiter) {
                    byte b = record[i++];
                    field = put(field, length++, b);
                    ascii &= b >= 0;
                }
            } else {
                while (i < recordLength && record[i] != delimiter) {
                    byte b = record[i++];
                    field = put(field, length++, b);
                    ascii &= b >= 0;
                }
            }
            fields.add(decode(length, ascii));
            if (i >= recordLength) {
                return;
            }
            i++; // the delimiter
        }
    }

    private static byte[] put(byte[] target, int at, byte b) {
        byte[] t = at == target.length ? Arrays.copyOf(target, target.length * 2) : target;
        t[at] = b;
        return t;
    }

    private String decode(int length, boolean ascii) {
        if (ascii) {
            return new String(field, 0, length, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(field, 0, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            malformed = true;
            return new String(field, 0, length, StandardCharsets.UTF_8);
        }
    }
}
