package org.ruleone.organization;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import me.gosimple.nbvcxz.resources.DictionaryUtil;

/**
 * What a new password must be: at least 12 characters, at most 72 bytes (bcrypt ignores what follows, so a
 * longer one would sign in with any ending), and not one of the 100,000 most common passwords.
 */
public final class PasswordRules {

    public static final int MIN_CHARACTERS = 12;
    public static final int MAX_BYTES = 72;

    private PasswordRules() {
    }

    /** The message key saying what is wrong with this password, or empty when it may be used. */
    public static Optional<String> problem(String raw) {
        if (raw == null || raw.codePointCount(0, raw.length()) < MIN_CHARACTERS) {
            return Optional.of("validation.password.length");
        }
        if (!fitsHash(raw)) {
            return Optional.of("validation.password.tooLong");
        }
        if (Common.PASSWORDS.containsKey(raw) || Common.PASSWORDS.containsKey(raw.toLowerCase(Locale.ROOT))
                || Common.PASSWORDS.containsKey(raw.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("validation.password.common");
        }
        return Optional.empty();
    }

    /** True when bcrypt reads every byte of it. */
    public static boolean fitsHash(String raw) {
        return raw.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** nbvcxz's list of the most common leaked passwords, loaded on first use. */
    private static final class Common {
        static final Map<String, Integer> PASSWORDS = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords);
    }
}
