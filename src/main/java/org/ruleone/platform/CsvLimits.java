package org.ruleone.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every CSV reader of the application accepts, so that a hostile file (one line of ten million columns, an
 * image renamed {@code .csv}) is refused at once with a reason and a line, instead of keeping a core busy. Real
 * exports are far inside these limits: the Online Retail file has 8 columns and lines under 200 bytes.
 */
public final class CsvLimits {

    /** The longest record (a line, or several when a quoted field holds line breaks), in bytes or characters. */
    public static final int MAX_RECORD_LENGTH = 100_000;
    public static final int MAX_COLUMNS = 500;
    /** How much of the start of a file {@link #requireText} looks at. */
    static final int SNIFFED_BYTES = 64 * 1024;

    /** Why a file is refused. */
    public enum Problem {
        NOT_TEXT, RECORD_TOO_LONG, TOO_MANY_COLUMNS;

        /** The limit the file went beyond, to name it on the screen (0 for a file that is not text). */
        public long limit() {
            return switch (this) {
                case NOT_TEXT -> 0;
                case RECORD_TOO_LONG -> MAX_RECORD_LENGTH;
                case TOO_MANY_COLUMNS -> MAX_COLUMNS;
            };
        }
    }

    /** A file refused as a whole; {@link #line()} is the physical line where it went wrong (1 for not text). */
    public static final class Refused extends IOException {

        private final Problem problem;
        private final long line;

        public Refused(Problem problem, long line) {
            super(switch (problem) {
                case NOT_TEXT -> "Not a text file";
                case RECORD_TOO_LONG -> "Line " + line + " is longer than " + MAX_RECORD_LENGTH + " characters";
                case TOO_MANY_COLUMNS -> "Line " + line + " has more than " + MAX_COLUMNS + " columns";
            });
            this.problem = problem;
            this.line = line;
        }

        public Problem problem() {
            return problem;
        }

        public long line() {
            return line;
        }
    }

    private static final byte[][] BINARY_MAGIC = {
            {(byte) 0x89, 'P', 'N', 'G'}, {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, {'G', 'I', 'F', '8'},
            {'%', 'P', 'D', 'F'}, {'P', 'K', 3, 4}, {0x1F, (byte) 0x8B}, {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0},
            {'R', 'a', 'r', '!'}, {'7', 'z', (byte) 0xBC, (byte) 0xAF}, {'B', 'Z', 'h'}, {0x7F, 'E', 'L', 'F'},
            {'R', 'I', 'F', 'F'}, {0, 0, 1, 0}};

    private CsvLimits() {
    }

    /**
     * Refuses a file that is not text: one that starts like an image, a PDF, a spreadsheet, an archive or a program;
     * holds a NUL byte; or is more than 1% control characters. Text in any 8-bit code page (UTF-8, windows-1252,
     * windows-1250...) passes.
     */
    public static void requireText(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(SNIFFED_BYTES);
        }
        if (!looksLikeText(start)) {
            throw new Refused(Problem.NOT_TEXT, 1);
        }
    }

    static boolean looksLikeText(byte[] start) {
        for (byte[] magic : BINARY_MAGIC) {
            if (startsWith(start, magic)) {
                return false;
            }
        }
        int control = 0;
        for (byte b : start) {
            if (b == 0) {
                return false;
            }
            if ((b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) || b == 0x7F) {
                control++;
            }
        }
        return control * 100L <= start.length;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
