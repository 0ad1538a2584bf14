package org.ruleone.mail.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import jakarta.mail.internet.MimeUtility;
import org.ruleone.shared.Language;

/** Turns the bytes of a text part into a string whatever its label says, or whether it has one. */
public final class Charsets {

    /** ISO-2022-JP as Windows writes it, with the NEC row (numero sign, circled digits) that plain ISO-2022-JP lacks. */
    private static final String ISO_2022_JP_WITH_NEC_EXTENSIONS = "x-windows-50220";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** The detector reads this much; a mail's language shows in its first lines. */
    private static final int SAMPLE_BYTES = 32 * 1024;
    /** ICU4J's confidence (0 to 100) above which its guess wins over the store's languages. */
    private static final int STRONG = 50;
    /** ICU4J answers 10 for charsets it merely cannot rule out. */
    private static final int WEAK = 10;
    /** The languages ICU4J detects that are written in Latin letters. */
    private static final Set<String> LATIN_LANGUAGES = Set.of("", "en", "da", "de", "es", "fr", "it", "nl", "no", "pt",
            "sv", "cs", "hu", "pl", "ro", "tr");
    private static final String TYPOGRAPHY = "\u00a0\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac«»°·§©®™";
    private static final String WESTERN_LETTERS = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸŒ";
    private static final String POLISH_LETTERS = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ";

    private Charsets() {
    }

    /** The charset a MIME label names, through the aliases mail clients use; empty when unknown. */
    public static Optional<Charset> named(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String name = label.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        if (name.equals("iso-2022-jp") && Charset.isSupported(ISO_2022_JP_WITH_NEC_EXTENSIONS)) {
            return Optional.of(Charset.forName(ISO_2022_JP_WITH_NEC_EXTENSIONS));
        }
        for (String candidate : new String[] {alias(name), name, MimeUtility.javaCharset(name)}) {
            try {
                if (candidate != null && Charset.isSupported(candidate)) {
                    return Optional.of(Charset.forName(candidate));
                }
            } catch (IllegalArgumentException notAName) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }

    /** Decodes text for no store in particular: as {@link #decode(byte[], String, Collection)} without a language. */
    public static String decode(byte[] bytes, String label) {
        return decode(bytes, label, List.of());
    }

    /**
     * Decodes text whatever its label says (ADR 78): valid UTF-8 with non-ASCII characters is read as UTF-8 even
     * under another label (mailers label UTF-8 as GB2312 or ISO-8859-1); a label that reads the bytes cleanly is
     * trusted; otherwise, or with no usable label, the charset is detected, with the store's languages deciding
     * between the Latin charsets (Polish in ISO-8859-2 or windows-1250, Western in windows-1252).
     */
    public static String decode(byte[] bytes, String label, Collection<Language> languages) {
        Optional<Charset> declared = named(label).filter(charset -> !charset.equals(StandardCharsets.US_ASCII));
        if (declared.isEmpty()) {
            return utf8(bytes).orElseGet(() -> new String(bytes, detect(bytes, languages)));
        }
        Charset charset = declared.get();
        if (!charset.equals(StandardCharsets.UTF_8) && utf8Rather(bytes, charset)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        Optional<String> clean = strict(bytes, charset);
        if (clean.isPresent()) {
            return clean.get();
        }
        return strict(bytes, detect(bytes, languages)).orElseGet(() -> new String(bytes, charset));
    }

    /**
     * A header value read as one character per byte (as Jakarta Mail reads header lines) with its 8-bit bytes
     * decoded as UTF-8 when they are valid UTF-8, else in the detected charset; other values are returned as they are.
     */
    public static String rawHeader(String value, Collection<Language> languages) {
        if (value == null || value.chars().allMatch(c -> c < 0x80) || value.chars().anyMatch(c -> c > 0xFF)) {
            return value;
        }
        return decode(value.getBytes(StandardCharsets.ISO_8859_1), null, languages);
    }

    /**
     * The charset of text that is not valid UTF-8: a non-Latin script ICU4J's detector is sure of, else the
     * Latin charset of the store's languages that reads the most expected letters, else the detector's best
     * guess, else windows-1252.
     */
    public static Charset detect(byte[] bytes, Collection<Language> languages) {
        if (utf8Sequences(bytes) >= 0) {
            return StandardCharsets.UTF_8;
        }
        byte[] sample = bytes.length > SAMPLE_BYTES ? Arrays.copyOf(bytes, SAMPLE_BYTES) : bytes;
        List<Guess> guesses = guesses(sample);
        Set<String> storeCodes = new HashSet<>();
        languages.forEach(language -> storeCodes.add(language.code()));
        if (!guesses.isEmpty()) {
            Guess top = guesses.getFirst();
            boolean strong = top.confidence() >= STRONG && !storeCodes.contains(top.language());
            boolean otherScript = top.confidence() > WEAK && !LATIN_LANGUAGES.contains(top.language());
            if (strong || otherScript) {
                return top.charset();
            }
        }
        Charset best = null;
        int bestScore = 0;
        for (Charset candidate : latinCandidates(languages)) {
            int score = score(new String(sample, candidate), languages);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best != null) {
            return best;
        }
        return guesses.stream().filter(guess -> guess.confidence() > WEAK).map(Guess::charset).findFirst()
                .orElse(WINDOWS_1252);
    }

    private record Guess(Charset charset, int confidence, String language) {
    }

    /** ICU4J's guesses, best first, without the UTF-16/32 guesses it makes for any text without a byte order mark. */
    private static List<Guess> guesses(byte[] sample) {
        List<Guess> guesses = new ArrayList<>();
        try {
            CharsetDetector detector = new CharsetDetector();
            detector.setText(sample);
            CharsetMatch[] matches = detector.detectAll();
            for (CharsetMatch match : matches == null ? new CharsetMatch[0] : matches) {
                String name = match.getName().toUpperCase(Locale.ROOT);
                if (name.startsWith("UTF-")) {
                    continue;
                }
                Optional<Charset> charset = named(name.equals("ISO-8859-1") ? "windows-1252" : name);
                String language = match.getLanguage() == null ? "" : match.getLanguage();
                charset.ifPresent(found -> guesses.add(new Guess(found, match.getConfidence(), language)));
            }
        } catch (RuntimeException detectorFailed) {
            // no guess: the store's languages and windows-1252 still decide
        }
        return guesses;
    }

    private static List<Charset> latinCandidates(Collection<Language> languages) {
        List<Charset> candidates = new ArrayList<>();
        if (languages.contains(Language.PL)) {
            candidates.add(Charset.forName("windows-1250"));
            candidates.add(Charset.forName("ISO-8859-2"));
        }
        candidates.add(WINDOWS_1252);
        return candidates;
    }

    /**
     * How well decoded text fits the store's languages: each non-ASCII character its alphabets or common
     * typography expect counts one, each other one (a C1 control, a stray symbol such as ±, ¶ or ¿, a letter of
     * another language) counts minus four, so a wrong Latin charset scores below zero.
     */
    static int score(String text, Collection<Language> languages) {
        String expected = TYPOGRAPHY + WESTERN_LETTERS + (languages.contains(Language.PL) ? POLISH_LETTERS : "");
        int score = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                score += expected.indexOf(c) >= 0 ? 1 : -4;
            }
        }
        return score;
    }

    private static boolean utf8Rather(byte[] bytes, Charset declared) {
        int sequences = utf8Sequences(bytes);
        // one or two CJK characters can happen to be valid UTF-8; whole sentences in a legacy charset never are
        boolean singleByte = declared.canEncode() && declared.newEncoder().maxBytesPerChar() <= 1.0f;
        return sequences > 0 && (singleByte || sequences >= 3);
    }

    /** How many multi-byte UTF-8 sequences the bytes hold, or -1 when they are not valid UTF-8; no copy is made. */
    static int utf8Sequences(byte[] bytes) {
        int sequences = 0;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min = 0x80;
            int max = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = b == 0xE0 ? 0xA0 : 0x80;
                max = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = b == 0xF0 ? 0x90 : 0x80;
                max = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return -1;
            }
            if (i + length > bytes.length) {
                return -1;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min || second > max) {
                return -1;
            }
            for (int k = 2; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return -1;
                }
            }
            sequences++;
            i += length;
        }
        return sequences;
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<String> utf8(byte[] bytes) {
        return utf8Sequences(bytes) < 0 ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    private static String alias(String name) {
        return switch (name) {
            case "utf8", "utf-8n", "unicode-1-1-utf-8" -> "UTF-8";
            case "cp-1250", "win-1250", "windows1250", "x-cp1250" -> "windows-1250";
            case "cp-1251", "win-1251", "windows1251", "x-cp1251" -> "windows-1251";
            case "cp-1252", "win-1252", "windows1252", "x-cp1252", "latin1", "iso8859-1", "iso-8859-1-i" -> "windows-1252";
            case "iso8859-2", "latin2" -> "ISO-8859-2";
            case "ks_c_5601-1987", "ks_c_5601" -> "EUC-KR";
            case "gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn" -> "GB18030";
            case "iso-8859-8-i", "iso-8859-8-e" -> "ISO-8859-8";
            case "iso-8859-6-i", "iso-8859-6-e" -> "ISO-8859-6";
            case "x-sjis", "shift-jis", "sjis" -> "Shift_JIS";
            default -> null;
        };
    }
}
