package org.ruleone.training.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a client's identity out of a case's words before they become a training scenario (ADR 0106): any e-mail
 * address and any phone-like number (seven digits or more), the client's address lines and postal code, and the
 * client's names (with a title before them: "Mrs Lefebvre", "Pani Kowalska") become neutral words.
 */
public final class IdentityRemoval {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern PHONE_LIKE = Pattern.compile("(?<![\\p{L}\\p{N}])\\+?\\(?\\d[\\d\\s().\\-/]{4,}\\d(?![\\p{L}\\p{N}])");
    private static final int PHONE_DIGITS = 7;
    private static final String TITLES = "(?:(?:mr|mrs|ms|miss|dr|m|mme|mlle|monsieur|madame|mademoiselle|pan|pani"
            + "|panna)\\.?\\s+)?";

    /** Who to remove: names and address parts as the client book has them (any may be empty). */
    public record Identity(String firstName, String lastName, String email, String phone, List<String> addressParts) {
    }

    /** The words put in their place, in the language of the text. */
    public record Replacements(String customer, String email, String phone, String address) {
    }

    private IdentityRemoval() {
    }

    public static String remove(String text, Identity who, Replacements with) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = EMAIL.matcher(text).replaceAll(Matcher.quoteReplacement(with.email()));
        if (who.email() != null && !who.email().isBlank()) {
            out = replaceLiteral(out, who.email().strip(), with.email());
        }
        out = PHONE_LIKE.matcher(out).replaceAll(m -> digits(m.group()) >= PHONE_DIGITS
                ? Matcher.quoteReplacement(with.phone()) : Matcher.quoteReplacement(m.group()));
        for (String part : who.addressParts()) {
            if (part != null && part.strip().length() >= 3) {
                out = replaceLiteral(out, part.strip(), with.address());
            }
        }
        for (String name : names(who)) {
            Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + TITLES + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement(with.customer()));
        }
        // "KOWALSKA Anna" loses both names one by one: one "the customer" says it
        return out.replaceAll("(" + Pattern.quote(with.customer()) + ")(\\s+" + Pattern.quote(with.customer()) + ")+",
                Matcher.quoteReplacement(with.customer()));
    }

    /** The longest first, so "Jane Doe" goes as one before "Jane" or "Doe" alone. */
    private static List<String> names(Identity who) {
        String first = clean(who.firstName());
        String last = clean(who.lastName());
        List<String> names = new ArrayList<>();
        if (!first.isEmpty() && !last.isEmpty()) {
            names.add(first + " " + last);
            names.add(last + " " + first);
        }
        for (String name : List.of(first, last)) {
            for (String piece : name.split("[\\s-]+")) {
                if (piece.length() >= 2) {
                    names.add(piece);
                }
            }
            if (name.length() >= 2) {
                names.add(name);
            }
        }
        return names.stream().filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static String clean(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }

    private static String replaceLiteral(String text, String literal, String replacement) {
        return Pattern.compile(Pattern.quote(literal), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }

    private static long digits(String s) {
        return s.chars().filter(Character::isDigit).count();
    }
}
