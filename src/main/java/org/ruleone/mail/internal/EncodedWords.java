package org.ruleone.mail.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ruleone.shared.Language;

/**
 * Decodes RFC 2047 encoded words leniently: any charset {@link Charsets} knows, broken base64 padding, a
 * character split across two adjacent words (their bytes are joined before decoding), and spaces inside a word
 * (as some Polish mailers write {@code =?iso-8859-2?Q?Test1 =A1=C6?=}), which Python's {@code email} package and
 * Thunderbird read as spaces.
 */
public final class EncodedWords {

    /** The encoded text may hold spaces (not a '?'): the word ends at the first "?=". */
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([QqBb])\\?([^?]*?)\\?=");
    private static final Pattern NOT_BASE64 = Pattern.compile("[^A-Za-z0-9+/]");

    private EncodedWords() {
    }

    public static String decode(String value) {
        return decode(value, List.of());
    }

    /** Decodes the words of a header value; a word in an unknown charset is read as the store's languages suggest. */
    public static String decode(String value, Collection<Language> languages) {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        Matcher word = WORD.matcher(value);
        int last = 0;
        while (word.find()) {
            String gap = value.substring(last, word.start());
            String charset = word.group(1).replaceFirst("\\*.*", "");
            boolean joinsPrevious = pendingCharset != null && gap.isBlank();
            if (!joinsPrevious || !charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pending, pendingCharset, languages);
                if (!joinsPrevious) {
                    out.append(gap);
                }
                pendingCharset = charset;
            }
            pending.writeBytes(word.group(2).equalsIgnoreCase("B") ? base64(word.group(3)) : quoted(word.group(3)));
            last = word.end();
        }
        flush(out, pending, pendingCharset, languages);
        return out.append(value.substring(last)).toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset,
                              Collection<Language> languages) {
        if (pending.size() > 0) {
            out.append(Charsets.decode(pending.toByteArray(), charset, languages));
            pending.reset();
        }
    }

    private static byte[] base64(String text) {
        String clean = NOT_BASE64.matcher(text).replaceAll("");
        if (clean.length() % 4 == 1) {
            clean = clean.substring(0, clean.length() - 1);
        }
        return Base64.getDecoder().decode(clean + "==".substring(0, (4 - clean.length() % 4) % 4));
    }

    private static byte[] quoted(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
