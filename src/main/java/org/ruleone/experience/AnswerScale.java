package org.ruleone.experience;

import java.math.BigDecimal;
import java.util.Optional;

import org.ruleone.platform.NumberStyle;

/**
 * What a score column of an imported file means, as the person says on the mapping screen (ADR 0096): which question
 * it answers and on which scale. Values are whole numbers on the scale (4.0 is 4, 4.5 is refused); a row of stars
 * ({@code ★★★★☆}) counts its full stars.
 */
public enum AnswerScale {
    /** "How likely are you to come back", 0–10: stored as it is. */
    COME_BACK_0_10(Question.COME_BACK, 0, 10),
    /** The same question on 1–10: stretched to 0–10, {@code round((v − 1) × 10 / 9)} (1 → 0, 6 → 6, 7 → 7, 10 → 10). */
    COME_BACK_1_10(Question.COME_BACK, 1, 10),
    /** Satisfaction, or a review's stars, 1–5: stored as it is. */
    SATISFACTION_1_5(Question.SATISFACTION, 1, 5),
    /** Satisfaction on 1–10: halved, rounding up ({@code ceil(v / 2)}: 1–2 → 1 … 9–10 → 5). */
    SATISFACTION_1_10(Question.SATISFACTION, 1, 10);

    /** The question a scale answers: the come-back score (0–10) or satisfaction (1–5). */
    public enum Question {
        COME_BACK, SATISFACTION
    }

    private final Question question;
    private final int low;
    private final int high;

    AnswerScale(Question question, int low, int high) {
        this.question = question;
        this.low = low;
        this.high = high;
    }

    public Question question() {
        return question;
    }

    public int low() {
        return low;
    }

    public int high() {
        return high;
    }

    /** The stored answer (0–10 for come-back, 1–5 for satisfaction) of a value read on this scale, if it is one. */
    public Optional<Integer> read(String text) {
        String value = text.strip();
        int v;
        if (!value.isEmpty() && value.chars().allMatch(c -> c == '★' || c == '☆')) {
            v = (int) value.chars().filter(c -> c == '★').count();
        } else {
            Optional<BigDecimal> number = NumberStyle.readUnambiguous(value, 0);
            if (number.isEmpty()) {
                return Optional.empty();
            }
            try {
                v = number.get().intValueExact();
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        }
        if (v < low || v > high) {
            return Optional.empty();
        }
        return Optional.of(switch (this) {
            case COME_BACK_0_10, SATISFACTION_1_5 -> v;
            case COME_BACK_1_10 -> (int) Math.round((v - 1) * 10 / 9.0);
            case SATISFACTION_1_10 -> (v + 1) / 2;
        });
    }

    /** The scale a column's values suggest: 1–5 stars when they all are, else 0–10 (the person checks it). */
    public static AnswerScale suggested(Iterable<String> values, Question question) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (String value : values) {
            Optional<Integer> v = COME_BACK_0_10.read(value);
            if (v.isEmpty()) {
                if (!value.isBlank() && SATISFACTION_1_5.read(value).isPresent()) {
                    return SATISFACTION_1_5; // stars
                }
                continue;
            }
            min = Math.min(min, v.get());
            max = Math.max(max, v.get());
        }
        if (min > max) {
            return question == Question.SATISFACTION ? SATISFACTION_1_5 : COME_BACK_0_10;
        }
        if (min >= 1 && max <= 5) {
            return SATISFACTION_1_5;
        }
        if (question == Question.SATISFACTION) {
            return SATISFACTION_1_10;
        }
        return COME_BACK_0_10;
    }
}
