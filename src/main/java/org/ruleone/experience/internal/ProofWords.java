package org.ruleone.experience.internal;

import java.text.NumberFormat;
import java.util.Locale;

import org.ruleone.experience.internal.ComeBack.Comparison;
import org.ruleone.experience.internal.ComeBack.Ratio;
import org.springframework.context.MessageSource;

/**
 * The sentence under each comparison, never claiming more than its interval supports (ADR 0109): an effect only
 * when the whole interval is on one side of 1, "no difference can be seen" when it contains 1, "not enough data
 * yet" below {@link ComeBack#MIN_GROUP} clients a group. Numbers in the reader's format.
 */
public final class ProofWords {

    private ProofWords() {
    }

    /**
     * @param first  the first group as the sentence names it ("promoters")
     * @param second the second group ("detractors")
     */
    public static String sentence(Comparison comparison, String first, String second, MessageSource messages,
                                  Locale locale) {
        String key = "experience.proof.says." + comparison.verdict().name().toLowerCase(Locale.ROOT);
        Object[] args = comparison.ratio()
                .map(r -> new Object[] {first, second, ratio(r.value(), comparison.verdict(), locale),
                        ratio(r.interval().low(), comparison.verdict(), locale),
                        ratio(r.interval().high(), comparison.verdict(), locale)})
                .orElseGet(() -> new Object[] {first, second, integer(comparison.first().n(), locale),
                        integer(comparison.second().n(), locale), integer(ComeBack.MIN_GROUP, locale)});
        return capitalised(messages.getMessage(key, args, key, locale), locale);
    }

    /** The ratio with its interval, as the table shows it: "1.82 (1.31–2.44)"; empty without a ratio. */
    public static String ratioWithInterval(Comparison comparison, Locale locale) {
        if (comparison.ratio().isEmpty()) {
            return "";
        }
        Ratio r = comparison.ratio().get();
        return decimals(r.value(), 2, locale) + " (" + decimals(r.interval().low(), 2, locale) + "–"
                + decimals(r.interval().high(), 2, locale) + ")";
    }

    /** An effect reads best with one decimal ("1.8×"); "no difference" keeps two so 1.02 does not read as 1.0. */
    private static String ratio(double value, ComeBack.Verdict verdict, Locale locale) {
        return decimals(value, verdict == ComeBack.Verdict.SAME || value < 1 ? 2 : 1, locale);
    }

    public static String decimals(double value, int digits, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    private static String integer(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private static String capitalised(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
