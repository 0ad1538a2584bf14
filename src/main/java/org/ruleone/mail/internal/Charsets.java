package org.ruleone.mail.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.internet.MimeUtility;

/** Turns the bytes of a text part into a string whatever its label says, or whether it has one. */
public final class Charsets {

    /** ISO-2022-JP as Windows writes it, with the NEC row (numero sign, circled digits) that plain ISO-2022-JP lacks. */
    private static final String ISO_2022_JP_WITH_NEC_EXTENSIONS = "x-windows-50220";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

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

    /**
     * Decodes with the declared charset; text labelled US-ASCII, unlabelled or labelled with an unknown
     * charset is read as UTF-8 when it is valid UTF-8, else as windows-1252 (which maps every byte).
     */
    public static String decode(byte[] bytes, String label) {
        Optional<Charset> declared = named(label);
        if (declared.isPresent() && !declared.get().equals(StandardCharsets.US_ASCII)) {
            return new String(bytes, declared.get());
        }
        return utf8(bytes).orElseGet(() -> new String(bytes, WINDOWS_1252));
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
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
