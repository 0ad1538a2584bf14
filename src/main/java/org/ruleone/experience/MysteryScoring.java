package org.ruleone.experience;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores a visit (ADR 0099). Each answered item earns part of its weight: yes earns all and no nothing; a scale
 * answer a earns weight × (a − 1) / 4; a number earns all when it meets its target and nothing when it misses.
 * An N/A item is left out of the possible weight as well as the earned one, so "not applicable" never lowers the
 * score. An item fails on no, on 1 or 2 of 5, or on a missed target; a failed critical item flags the visit.
 */
public final class MysteryScoring {

    private static final BigDecimal FOUR = BigDecimal.valueOf(4);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MysteryScoring() {
    }

    public static MysteryScore score(List<MysteryItem> items, Map<Long, MysteryItemAnswer> answers) {
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal possible = BigDecimal.ZERO;
        boolean flagged = false;
        List<MysteryScore.Item> results = new ArrayList<>(items.size());
        for (MysteryItem item : items) {
            MysteryItemAnswer answer = answers.get(item.id());
            MysteryScore.Item result = item(item, answer);
            results.add(result);
            earned = earned.add(result.earned());
            possible = possible.add(result.possible());
            flagged |= item.critical() && result.outcome() == MysteryScore.Outcome.FAILED;
        }
        BigDecimal percent = possible.signum() == 0 ? null
                : earned.multiply(HUNDRED).divide(possible, 2, RoundingMode.HALF_UP);
        return new MysteryScore(earned.setScale(2, RoundingMode.HALF_UP), possible.setScale(2, RoundingMode.HALF_UP),
                percent, flagged, results);
    }

    static MysteryScore.Item item(MysteryItem item, MysteryItemAnswer answer) {
        BigDecimal w = item.weight();
        if (answer == null || !answer.answered()) {
            // not answered counts as possible and not earned: a submission requires every item, a draft shows this
            return new MysteryScore.Item(item.id(), item.key(), MysteryScore.Outcome.UNANSWERED, BigDecimal.ZERO, w,
                    item.critical());
        }
        if (answer.na()) {
            return new MysteryScore.Item(item.id(), item.key(), MysteryScore.Outcome.NA, BigDecimal.ZERO,
                    BigDecimal.ZERO, item.critical());
        }
        BigDecimal v = answer.value();
        BigDecimal got;
        MysteryScore.Outcome outcome;
        switch (item.type()) {
            case YES_NO -> {
                boolean yes = v.compareTo(BigDecimal.ONE) == 0;
                got = yes ? w : BigDecimal.ZERO;
                outcome = yes ? MysteryScore.Outcome.PASSED : MysteryScore.Outcome.FAILED;
            }
            case SCALE -> {
                got = w.multiply(v.subtract(BigDecimal.ONE)).divide(FOUR, 4, RoundingMode.HALF_UP);
                int a = v.intValue();
                outcome = a <= 2 ? MysteryScore.Outcome.FAILED
                        : a == 5 ? MysteryScore.Outcome.PASSED : MysteryScore.Outcome.PARTLY;
            }
            case NUMBER -> {
                boolean meets = item.numberRule().meets(v, item.numberTarget());
                got = meets ? w : BigDecimal.ZERO;
                outcome = meets ? MysteryScore.Outcome.PASSED : MysteryScore.Outcome.FAILED;
            }
            default -> throw new IllegalStateException();
        }
        return new MysteryScore.Item(item.id(), item.key(), outcome, got, w, item.critical());
    }

    /** The items a submission still lacks: neither a value nor N/A. */
    public static List<MysteryItem> missing(List<MysteryItem> items, Map<Long, MysteryItemAnswer> answers) {
        return items.stream().filter(i -> answers.get(i.id()) == null || !answers.get(i.id()).answered()).toList();
    }
}
