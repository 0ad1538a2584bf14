package org.ruleone.experience.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SurveyTallyTests {

    private static SurveyTally answers(long promoters, long passives, long detractors) {
        return new SurveyTally(promoters + passives + detractors, 0, promoters, passives, detractors, 0, 0, 0, 0);
    }

    /**
     * By hand: n = 10, p = 0.5, d = 0.3; score = 100 × (0.5 − 0.3) = 20; Var = ((0.5 + 0.3) − 0.2²) / 10 = 0.076;
     * √0.076 = 0.275681; 1.96 × 0.275681 = 0.540335: the interval is 20 ± 54.03 = −34.03 … 74.03.
     */
    @Test
    void scoresTenAnswersAsWorkedOutByHand() {
        SurveyTally tally = answers(5, 2, 3);

        assertThat(tally.comeBackCount()).isEqualTo(10);
        assertThat(tally.comeBackScore()).hasValueSatisfying(s -> assertThat(s).isCloseTo(20.0, within(1e-9)));
        assertThat(tally.comeBackInterval()).hasValueSatisfying(i -> {
            assertThat(i[0]).isCloseTo(-34.0335, within(0.001));
            assertThat(i[1]).isCloseTo(74.0335, within(0.001));
        });
        assertThat(tally.tooFew()).isTrue();
    }

    @Test
    void givesNoScoreNoIntervalAndNoRatesWhenNobodyAnswered() {
        SurveyTally none = SurveyTally.NONE;

        assertThat(none.comeBackScore()).isEmpty();
        assertThat(none.comeBackInterval()).isEmpty();
        assertThat(none.satisfiedShare()).isEmpty();
        assertThat(none.responseRate()).isEmpty();
        assertThat(none.tooFew()).isTrue();
    }

    @Test
    void scoresAHundredWithAnIntervalOfNoWidthWhenEveryoneIsAPromoter() {
        SurveyTally all = answers(40, 0, 0);

        assertThat(all.comeBackScore()).contains(100.0);
        assertThat(all.comeBackInterval()).hasValueSatisfying(i -> assertThat(i).containsExactly(100.0, 100.0));
        assertThat(all.tooFew()).isFalse();
    }

    @Test
    void scoresMinusAHundredWhenEveryoneIsADetractor() {
        SurveyTally all = answers(0, 0, 7);

        assertThat(all.comeBackScore()).contains(-100.0);
        assertThat(all.comeBackInterval()).hasValueSatisfying(i -> assertThat(i).containsExactly(-100.0, -100.0));
    }

    @Test
    void keepsTheIntervalWithinMinusAndPlusAHundred() {
        SurveyTally nearlyAll = answers(3, 0, 1);

        // p = 0.75, d = 0.25: 50 ± 1.96 × √((1 − 0.25) / 4) × 100 = 50 ± 84.87, cut at −34.87 … 100
        assertThat(nearlyAll.comeBackInterval()).hasValueSatisfying(i -> {
            assertThat(i[0]).isCloseTo(-34.87, within(0.01));
            assertThat(i[1]).isEqualTo(100.0);
        });
    }

    @Test
    void countsSatisfactionAsTheTopTwoBoxesOfThoseWhoAnsweredIt() {
        SurveyTally tally = new SurveyTally(10, 3, 5, 2, 3, 8, 6, 20, 10);

        assertThat(tally.satisfiedShare()).contains(75.0);
        assertThat(tally.responseRate()).contains(50.0);
    }

    @Test
    void addsUpSlicesIntoTheirTotal() {
        SurveyTally total = SurveyTally.sum(java.util.List.of(answers(2, 1, 0), answers(3, 1, 3)));

        assertThat(total).isEqualTo(answers(5, 2, 3));
        assertThat(total.comeBackScore()).hasValueSatisfying(s -> assertThat(s).isCloseTo(20.0, within(1e-9)));
    }
}
