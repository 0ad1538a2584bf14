package org.ruleone.experience;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerScaleTests {

    @Test
    void keepsZeroToTenAndOneToFiveAsTheyAre() {
        assertThat(AnswerScale.COME_BACK_0_10.read("0")).hasValue(0);
        assertThat(AnswerScale.COME_BACK_0_10.read(" 10 ")).hasValue(10);
        assertThat(AnswerScale.COME_BACK_0_10.read("11")).isEmpty();
        assertThat(AnswerScale.SATISFACTION_1_5.read("5")).hasValue(5);
        assertThat(AnswerScale.SATISFACTION_1_5.read("0")).isEmpty();
    }

    @Test
    void stretchesOneToTenOntoZeroToTenKeepingDetractorsAndPromotersApart() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).stream()
                .map(v -> AnswerScale.COME_BACK_1_10.read(String.valueOf(v)).orElseThrow()).toList())
                .containsExactly(0, 1, 2, 3, 4, 6, 7, 8, 9, 10);
        assertThat(AnswerScale.COME_BACK_1_10.read("0")).isEmpty();
    }

    @Test
    void halvesOneToTenSatisfactionRoundingUp() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).stream()
                .map(v -> AnswerScale.SATISFACTION_1_10.read(String.valueOf(v)).orElseThrow()).toList())
                .containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void countsFullStarsAndRefusesHalvesAndWords() {
        assertThat(AnswerScale.SATISFACTION_1_5.read("★★★★☆")).hasValue(4);
        assertThat(AnswerScale.SATISFACTION_1_5.read("4,0")).hasValue(4);
        assertThat(AnswerScale.SATISFACTION_1_5.read("4.5")).isEmpty();
        assertThat(AnswerScale.SATISFACTION_1_5.read("good")).isEmpty();
        assertThat(AnswerScale.SATISFACTION_1_5.read("☆☆☆☆☆")).isEmpty();
    }

    @Test
    void suggestsStarsForOneToFiveValuesAndZeroToTenOtherwise() {
        assertThat(AnswerScale.suggested(List.of("1", "5", "3"), AnswerScale.Question.COME_BACK))
                .isEqualTo(AnswerScale.SATISFACTION_1_5);
        assertThat(AnswerScale.suggested(List.of("0", "9", "3"), AnswerScale.Question.COME_BACK))
                .isEqualTo(AnswerScale.COME_BACK_0_10);
        assertThat(AnswerScale.suggested(List.of("10", "3"), AnswerScale.Question.SATISFACTION))
                .isEqualTo(AnswerScale.SATISFACTION_1_10);
        assertThat(AnswerScale.suggested(List.of(), AnswerScale.Question.SATISFACTION))
                .isEqualTo(AnswerScale.SATISFACTION_1_5);
    }
}
