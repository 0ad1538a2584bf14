package org.ruleone.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The character set of a CSV file that may not be UTF-8: exports from older survey and till software are often in a
 * Windows or ISO code page. {@link CsvReader} reads UTF-8 only, so such a file is read through {@link #open}, which
 * hands the reader UTF-8.
 */
public enum CsvEncoding {
    UTF_8(StandardCharsets.UTF_8),
    /** Western Europe (English, French) on Windows. */
    WINDOWS_1252(Charset.forName("windows-1252")),
    /** Central Europe (Polish) on Unix and in older web tools. */
    ISO_8859_2(Charset.forName("ISO-8859-2")),
    /** Central Europe (Polish) on Windows. */
    WINDOWS_1250(Charset.forName("windows-1250"));

    /** How much of the start of a file {@link #detect} reads. */
    static final int SNIFFED_BYTES = 256 * 1024;

    private final Charset charset;

    CsvEncoding(Charset charset) {
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }

    public static Optional<CsvEncoding> named(String name) {
        return Arrays.stream(values()).filter(e -> e.name().equals(name)).findFirst();
    }

    /** The encoding of the file, from its first {@value #SNIFFED_BYTES} bytes: see {@link #detect(byte[], int)}. */
    public static CsvEncoding detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(SNIFFED_BYTES);
            return detect(start, start.length);
        }
    }

    /**
     * UTF-8 when the bytes read as UTF-8 (a multi-byte character cut at the end of the sample does not count against
     * it); else, even after a UTF-8 byte-order mark (some tools write one before windows-1252 text), the 8-bit code page whose letters the bytes look like. Polish
     * letters of ISO-8859-2 (ą ś ź ł ż and their capitals) sit where windows-1252 has signs hardly ever found between
     * letters (± ¶ ¼ ³ ¿); windows-1252's typographic marks (€ „ … – — ’ “ ”) sit where ISO-8859-2 has control
     * characters, and windows-1250's ś ź Ś Ź where ISO-8859-2 has nothing printable either; French à è ù are
     * ŕ č ů in both Central European pages. The person can still choose another encoding.
     */
    public static CsvEncoding detect(byte[] bytes, int length) {
        if (readsAsUtf8(bytes, length)) {
            return UTF_8;
        }
        int iso2 = 0;
        int windows1250 = 0;
        int windows1252 = 0;
        boolean bom = length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
        for (int i = bom ? 3 : 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            boolean betweenLetters = letterAt(bytes, i - 1, length) || letterAt(bytes, i + 1, length);
            switch (b) {
                case 0xB1, 0xB6, 0xBC, 0xA1, 0xA6, 0xAC, 0xB3, 0xA3, 0xBF, 0xAF -> {
                    if (betweenLetters) {
                        iso2++;
                        if (b == 0xB3 || b == 0xA3 || b == 0xBF || b == 0xAF) {
                            windows1250++; // ł Ł ż Ż are at the same places in windows-1250
                        }
                    }
                }
                case 0xB9, 0xA5 -> {
                    if (betweenLetters) {
                        windows1250++; // ą Ą
                    }
                }
                case 0x9C, 0x9F, 0x8C, 0x8F -> {
                    if (betweenLetters) {
                        windows1250++; // ś ź Ś Ź (but windows-1252's œ Ÿ Œ too)
                    }
                }
                case 0xE0, 0xE8, 0xF9, 0xC0, 0xC8, 0xD9 -> windows1252++; // à è ù À È Ù: ŕ č ů in the other two
                default -> {
                    if (b >= 0x80 && b <= 0x9F) {
                        windows1252++;
                    }
                }
            }
        }
        if (windows1250 > iso2 && windows1250 > windows1252) {
            return WINDOWS_1250;
        }
        return iso2 > windows1252 ? ISO_8859_2 : WINDOWS_1252;
    }

    private static boolean letterAt(byte[] bytes, int i, int length) {
        if (i < 0 || i >= length) {
            return false;
        }
        int b = bytes[i] & 0xff;
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0xC0;
    }

    private static boolean readsAsUtf8(byte[] bytes, int length) {
        int end = length;
        // A sample may end inside a character: leave out up to three trailing bytes of an unfinished one.
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The file's content as UTF-8 bytes, for {@link CsvReader}: UTF-8 as it is, a code page transcoded (without the
     * UTF-8 byte-order mark some tools put before it).
     */
    public InputStream open(InputStream raw) throws IOException {
        if (this == UTF_8) {
            return raw;
        }
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw);
        in.mark(3);
        byte[] start = in.readNBytes(3);
        if (!(start.length == 3 && (start[0] & 0xff) == 0xEF && (start[1] & 0xff) == 0xBB
                && (start[2] & 0xff) == 0xBF)) {
            in.reset();
        }
        return new Transcoding(new InputStreamReader(in, charset));
    }

    /** Characters of an 8-bit code page re-encoded as UTF-8 (such a page has no surrogate pairs to split). */
    private static final class Transcoding extends InputStream {

        private final Reader reader;
        private final char[] chars = new char[8192];
        private byte[] buffer = new byte[0];
        private int position;

        Transcoding(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, buffer.length - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (position >= buffer.length) {
                int n = reader.read(chars);
                if (n < 0) {
                    return false;
                }
                buffer = new String(chars, 0, n).getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
