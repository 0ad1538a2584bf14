package org.ruleone.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;


/**
 * The one CSV reader of the application (purchases, products): separator detection, byte-order mark, UTF-8 checked
 * row by row, and the {@link CsvLimits}.
 * <p>
 * A streaming RFC 4180 reader working on bytes, so it can tell exactly which record holds malformed UTF-8 and
 * keep going with the next one (a {@code Reader} would replace or throw for the whole file).
 * Quoted fields may hold delimiters, doubled quotes and line breaks; a UTF-8 byte-order mark is skipped.
 * A record longer than {@link CsvLimits#MAX_RECORD_LENGTH} bytes or with more than {@link CsvLimits#MAX_COLUMNS}
 * fields stops the reading with {@link CsvLimits.Refused}, naming its line.
 */
public final class CsvReader implements Closeable {

    private static final int MAX_RAW = 500;

    private final InputStream in;
    private byte delimiter;
    private final byte[] buffer = new byte[1 << 18];
    private int position;
    private int limit;
    private boolean eof;
    private long nextLine = 1;

    private byte[] record = new byte[4096];
    private int recordLength;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** The current record's fields, as ranges of {@code record} (quoted fields are unescaped in place). */
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private int count;
    private long line;
    private boolean malformed;

    /** A reader with a known separator ({@code ,}, {@code ;} or a tab). */
    public CsvReader(InputStream in, char delimiter) throws IOException {
        this.in = in;
        this.delimiter = (byte) delimiter;
        fill();
        if (limit >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
            position = 3;
        }
    }

    /** A reader that finds the separator in the file's first line: see {@link #detectDelimiter}. */
    public static CsvReader detecting(InputStream in) throws IOException {
        CsvReader reader = new CsvReader(in, ',');
        reader.delimiter = (byte) detectDelimiter(reader.buffer, reader.position, reader.limit);
        return reader;
    }

    /** The field separator in use. */
    public char delimiter() {
        return (char) delimiter;
    }

    /**
     * The separator of a file whose first bytes these are: whichever of {@code ;}, tab and {@code ,} its first
     * record (its header) holds most of outside quotes; {@code ,} when it holds none.
     */
    public static char detectDelimiter(byte[] start, int from, int to) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            byte b = start[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (b == '\n') {
                    break;
                }
                switch (b) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
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
        List<String> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fields.add(string(i));
        }
        return fields;
    }

    public int size() {
        return count;
    }

    /** Field {@code i} as text (malformed bytes replaced). */
    public String string(int i) {
        return new String(record, starts[i], lengths[i], StandardCharsets.UTF_8);
    }

    /** The bytes of the current record; field {@code i} is at {@link #start(int)} for {@link #length(int)} bytes. */
    public byte[] bytes() {
        return record;
    }

    public int start(int i) {
        return starts[i];
    }

    public int length(int i) {
        return lengths[i];
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
            byte[] b = buffer;
            int end = limit;
            int start = position;
            int i = start;
            boolean complete = false;
            while (i < end) {
                byte c = b[i];
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n') {
                    nextLine++;
                    if (!quoted) {
                        complete = true;
                        break;
                    }
                }
                i++;
            }
            append(start, i);
            position = complete ? i + 1 : i;
            if (complete) {
                break;
            }
        }
        if (recordLength > 0 && record[recordLength - 1] == '\r') {
            recordLength--;
        }
        if (recordLength > CsvLimits.MAX_RECORD_LENGTH) {
            throw new CsvLimits.Refused(CsvLimits.Problem.RECORD_TOO_LONG, line);
        }
        return true;
    }

    private void append(int from, int to) throws CsvLimits.Refused {
        int n = to - from;
        if (recordLength + n > CsvLimits.MAX_RECORD_LENGTH + 1) { // + 1: the '\r' of a CRLF line end, checked after
            throw new CsvLimits.Refused(CsvLimits.Problem.RECORD_TOO_LONG, line);
        }
        if (recordLength + n > record.length) {
            record = Arrays.copyOf(record, Math.max(record.length * 2, recordLength + n));
        }
        System.arraycopy(buffer, from, record, recordLength, n);
        recordLength += n;
    }

    private void split() throws CsvLimits.Refused {
        count = 0;
        malformed = false;
        byte[] r = record;
        int end = recordLength;
        int i = 0;
        while (true) {
            int start;
            int length;
            int high = 0;
            if (i < end && r[i] == '"') {
                i++;
                start = i;
                int w = i;
                while (i < end) {
                    byte b = r[i++];
                    if (b == '"') {
                        if (i < end && r[i] == '"') {
                            i++;
                        } else {
                            break;
                        }
                    }
                    high |= b;
                    r[w++] = b;
                }
                // Anything between the closing quote and the delimiter belongs to the field, as most readers keep it.
                while (i < end && r[i] != delimiter) {
                    byte b = r[i++];
                    high |= b;
                    r[w++] = b;
                }
                length = w - start;
            } else {
                start = i;
                while (i < end) {
                    byte b = r[i];
                    if (b == delimiter) {
                        break;
                    }
                    high |= b;
                    i++;
                }
                length = i - start;
            }
            add(start, length);
            if (high < 0 && !validUtf8(start, length)) {
                malformed = true;
            }
            if (i >= end) {
                return;
            }
            i++; // the delimiter
        }
    }

    private void add(int start, int length) throws CsvLimits.Refused {
        if (count == CsvLimits.MAX_COLUMNS) {
            throw new CsvLimits.Refused(CsvLimits.Problem.TOO_MANY_COLUMNS, line);
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        starts[count] = start;
        lengths[count++] = length;
    }

    private boolean validUtf8(int offset, int length) {
        try {
            decoder.reset().decode(ByteBuffer.wrap(record, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
