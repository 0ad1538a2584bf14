package org.ruleone.experience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MysteryScoringTests {

    private static MysteryItem yesNo(long id, String weight, boolean critical) {
        return new MysteryItem(id, 1, (int) id, "item-" + id, "Item " + id, "", "", MysteryAnswerType.YES_NO,
                new BigDecimal(weight), critical, true, null, null, "");
    }

    private static MysteryItem scale(long id, String weight) {
        return new MysteryItem(id, 1, (int) id, "item-" + id, "Item " + id, "", "", MysteryAnswerType.SCALE,
                new BigDecimal(weight), false, true, null, null, "");
    }

    private static MysteryItem rings(long id, String weight, boolean critical) {
        return new MysteryItem(id, 1, (int) id, "item-" + id, "Rings", "", "", MysteryAnswerType.NUMBER,
                new BigDecimal(weight), critical, false, MysteryNumberRule.AT_MOST, new BigDecimal("2"), "rings");
    }

    private static MysteryItemAnswer value(long id, String v) {
        return new MysteryItemAnswer(id, false, new BigDecimal(v), "");
    }

    private static MysteryItemAnswer na(long id) {
        return new MysteryItemAnswer(id, true, null, "");
    }

    @Test
    void anNaItemIsLeftOutOfThePossibleWeightNotCountedAsFailed() {
        List<MysteryItem> items = List.of(yesNo(1, "3", false), yesNo(2, "2", false), yesNo(3, "5", false));
        MysteryScore score = MysteryScoring.score(items, Map.of(1L, value(1, "1"), 2L, value(2, "0"), 3L, na(3)));

        // earned 3 of a possible 5 (the N/A item's 5 is out of both): 60 %, not 3 of 10 (30 %)
        assertThat(score.earned()).isEqualByComparingTo("3");
        assertThat(score.possible()).isEqualByComparingTo("5");
        assertThat(score.percent()).isEqualByComparingTo("60.00");
        assertThat(score.items().get(2).outcome()).isEqualTo(MysteryScore.Outcome.NA);
        assertThat(score.flagged()).isFalse();
    }

    @Test
    void weightsCountSoAHeavyItemMovesTheScoreMore() {
        List<MysteryItem> items = List.of(yesNo(1, "9", false), yesNo(2, "1", false));
        assertThat(MysteryScoring.score(items, Map.of(1L, value(1, "1"), 2L, value(2, "0"))).percent())
                .isEqualByComparingTo("90.00");
        assertThat(MysteryScoring.score(items, Map.of(1L, value(1, "0"), 2L, value(2, "1"))).percent())
                .isEqualByComparingTo("10.00");
    }

    @ParameterizedTest
    @CsvSource({"1, 0.00, FAILED", "2, 1.00, FAILED", "3, 2.00, PARTLY", "4, 3.00, PARTLY", "5, 4.00, PASSED"})
    void aScaleAnswerEarnsItsShareOfTheWeight(String answer, String earned, MysteryScore.Outcome outcome) {
        MysteryScore score = MysteryScoring.score(List.of(scale(1, "4")), Map.of(1L, value(1, answer)));
        assertThat(score.earned()).isEqualByComparingTo(earned);
        assertThat(score.items().getFirst().outcome()).isEqualTo(outcome);
    }

    @Test
    void aFailedCriticalItemFlagsTheVisitWhateverTheScore() {
        List<MysteryItem> items = List.of(yesNo(1, "50", false), rings(2, "1", true));
        MysteryScore score = MysteryScoring.score(items, Map.of(1L, value(1, "1"), 2L, value(2, "4")));

        assertThat(score.percent()).isEqualByComparingTo("98.04");
        assertThat(score.flagged()).isTrue();
    }

    @Test
    void aNumberMeetingItsTargetPassesAndAFailedNonCriticalItemDoesNotFlag() {
        List<MysteryItem> items = List.of(rings(1, "2", false));
        assertThat(MysteryScoring.score(items, Map.of(1L, value(1, "2"))).percent()).isEqualByComparingTo("100");
        MysteryScore missed = MysteryScoring.score(items, Map.of(1L, value(1, "3")));
        assertThat(missed.percent()).isEqualByComparingTo("0");
        assertThat(missed.flagged()).isFalse();
    }

    @Test
    void everyItemNaGivesNoPercentRatherThanADivisionByZero() {
        MysteryScore score = MysteryScoring.score(List.of(yesNo(1, "1", true)), Map.of(1L, na(1)));
        assertThat(score.percent()).isNull();
        assertThat(score.possible()).isEqualByComparingTo("0");
        assertThat(score.flagged()).isFalse();
    }

    @Test
    void anUnansweredItemIsMissingAndCountsAsPossibleNotEarned() {
        List<MysteryItem> items = List.of(yesNo(1, "1", false), yesNo(2, "1", false));
        Map<Long, MysteryItemAnswer> answers = Map.of(1L, value(1, "1"), 2L, new MysteryItemAnswer(2, false, null, "x"));
        assertThat(MysteryScoring.missing(items, answers)).extracting(MysteryItem::id).containsExactly(2L);
        assertThat(MysteryScoring.score(items, answers).percent()).isEqualByComparingTo("50.00");
    }

    @ParameterizedTest
    @CsvSource({"YES_NO, 2, yes-no", "YES_NO, 0.5, yes-no", "SCALE, 0, scale", "SCALE, 6, scale",
            "SCALE, 2.5, scale", "NUMBER, -1, number", "NUMBER, 100001, number", "NUMBER, 1.234, number"})
    void answersOutOfTheirItemsRangeAreRefused(MysteryAnswerType type, String v, String problem) {
        MysteryItem item = switch (type) {
            case YES_NO -> yesNo(1, "1", false);
            case SCALE -> scale(1, "1");
            case NUMBER -> rings(1, "1", false);
        };
        assertThat(MysteryItemAnswer.problem(item, value(1, v))).isEqualTo(problem);
    }

    @Test
    void naIsRefusedWhereTheItemDoesNotAllowIt() {
        assertThat(MysteryItemAnswer.problem(rings(1, "1", false), na(1))).isEqualTo("na-not-allowed");
        assertThat(MysteryItemAnswer.problem(yesNo(1, "1", false), na(1))).isNull();
        assertThatThrownBy(() -> new MysteryItemAnswer(1, true, BigDecimal.ONE, "")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void aVisitMovesOnlyAlongItsLifecycle() {
        assertThat(MysteryVisitStatus.SCHEDULED.canMoveTo(MysteryVisitStatus.SUBMITTED)).isTrue();
        assertThat(MysteryVisitStatus.SUBMITTED.canMoveTo(MysteryVisitStatus.RETURNED)).isTrue();
        assertThat(MysteryVisitStatus.RETURNED.canMoveTo(MysteryVisitStatus.SUBMITTED)).isTrue();
        assertThat(MysteryVisitStatus.SCHEDULED.canMoveTo(MysteryVisitStatus.ACCEPTED)).isFalse();
        assertThat(MysteryVisitStatus.ACCEPTED.canMoveTo(MysteryVisitStatus.CANCELLED)).isFalse();
        assertThat(MysteryVisitStatus.SUBMITTED.canMoveTo(MysteryVisitStatus.CANCELLED)).isFalse();
    }
}
