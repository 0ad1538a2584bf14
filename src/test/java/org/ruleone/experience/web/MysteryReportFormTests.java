package org.ruleone.experience.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruleone.experience.MysteryAnswerType;
import org.ruleone.experience.MysteryItem;
import org.ruleone.experience.MysteryNumberRule;
import org.ruleone.experience.MysteryReport;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The shopper's form read as typed: decimal commas, N/A, and values that cannot be read kept for the page. */
class MysteryReportFormTests {

    static final MysteryItem RINGS = new MysteryItem(4, 1, 1, "rings", "Phone answered", "", "",
            MysteryAnswerType.NUMBER, BigDecimal.ONE, false, true, MysteryNumberRule.AT_MOST, BigDecimal.TWO, "rings");
    static final MysteryItem CALM = new MysteryItem(3, 1, 2, "calm", "Calm", "", "", MysteryAnswerType.SCALE,
            BigDecimal.TWO, false, true, null, null, "");

    @Test
    void readsADecimalCommaAndTheNumbersNaBox() {
        MysteryReportForm typed = MysteryReportForm.read(List.of(RINGS, CALM), params(
                "answer-4", "2,5", "answer-3", "na", "comment-3", "Calme", "visitDate", "2026-11-17",
                "visitTime", "15:30"));

        MysteryReportForm.Read read = typed.report(List.of(RINGS, CALM));
        assertThat(read.problems()).isEmpty();
        assertThat(read.report().answers().get(4L).value()).isEqualByComparingTo("2.5");
        assertThat(read.report().answers().get(3L).na()).isTrue();
        assertThat(read.report().answers().get(3L).comment()).isEqualTo("Calme");
        assertThat(read.report().visitedAt()).isEqualTo(LocalDateTime.parse("2026-11-17T15:30"));

        MysteryReportForm na = MysteryReportForm.read(List.of(RINGS), params("answer-4", "3", "na-4", "on"));
        assertThat(na.report(List.of(RINGS)).report().answers().get(4L).na()).isTrue();
    }

    @Test
    void keepsWhatCannotBeReadAndSaysWhichItem() {
        MysteryReportForm typed = MysteryReportForm.read(List.of(RINGS), params("answer-4", "trois",
                "visitDate", "2026-11-17"));

        assertThat(typed.value(4)).isEqualTo("trois");
        assertThat(typed.report(List.of(RINGS)).problems()).containsExactly(
                new MysteryReport.Problem("number", 4L), new MysteryReport.Problem("visit-time-unreadable", null));
    }

    private static MultiValueMap<String, String> params(String... pairs) {
        MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
