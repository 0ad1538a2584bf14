package org.ruleone.experience.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ruleone.experience.internal.ComeBack.Comparison;
import org.ruleone.experience.internal.ComeBack.Share;
import org.ruleone.experience.internal.ComeBack.Verdict;
import org.ruleone.experience.internal.ProofTally.Cell;
import org.ruleone.experience.internal.ProofTally.Experience;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ruleone.experience.internal.ProofGroup.DETRACTOR;
import static org.ruleone.experience.internal.ProofGroup.PROMOTER;
import static org.ruleone.experience.internal.ProofWindow.DAYS_180;
import static org.ruleone.experience.internal.ProofWindow.DAYS_365;
import static org.ruleone.experience.internal.ProofWindow.DAYS_90;

/**
 * "Does experience bring them back?" computed by hand (ADRs 0108 and 0109). Wilson bounds and ratio intervals were
 * worked out with the textbook formulas (z = 1.959964): Wilson (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n);
 * ratio exp(ln RR ± z√(1/a − 1/n₁ + 1/c − 1/n₂)).
 */
class ComeBackProofTests {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void countsOnlyClientsWhoseWindowHasEndedAndPurchasesWithinIt() {
        Instant june = Instant.parse("2025-06-01T10:00:00Z");
        List<Experience> experiences = List.of(
                new Experience(1, june, Set.of(PROMOTER)),
                new Experience(2, june, Set.of(PROMOTER)),
                // 61 days before now: inside every window, left out of all three
                new Experience(3, Instant.parse("2025-11-01T10:00:00Z"), Set.of(PROMOTER)),
                new Experience(4, june, Set.of(DETRACTOR)),
                new Experience(5, Instant.parse("2024-01-01T10:00:00Z"), Set.of(DETRACTOR)));
        Map<Long, List<Instant>> purchases = Map.of(
                1L, List.of(june.plus(Duration.ofDays(44))),
                2L, List.of(june.plus(Duration.ofDays(122))),
                3L, List.of(june.plus(Duration.ofDays(160))),
                // the purchase of the experience itself does not count; 90 days to the second does
                4L, List.of(june, june.plus(Duration.ofDays(90))));

        ProofTally tally = ProofTally.count(experiences, purchases, NOW);

        assertThat(tally.cell(DAYS_90, PROMOTER)).isEqualTo(new Cell(2, 1, 1));
        assertThat(tally.cell(DAYS_90, DETRACTOR)).isEqualTo(new Cell(2, 1, 0));
        assertThat(tally.cell(DAYS_180, PROMOTER)).isEqualTo(new Cell(2, 2, 1));
        assertThat(tally.cell(DAYS_180, DETRACTOR)).isEqualTo(new Cell(2, 1, 0));
        assertThat(tally.cell(DAYS_365, PROMOTER)).isEqualTo(new Cell(0, 0, 3));
        assertThat(tally.cell(DAYS_365, DETRACTOR)).isEqualTo(new Cell(1, 0, 1));
        assertThat(tally.comparison(DAYS_90, ProofGroup.Pair.PROMOTERS_DETRACTORS).verdict()).isEqualTo(Verdict.THIN);
    }

    @Test
    void givesEachShareItsWilsonInterval() {
        assertInterval(new Share(2, 1), 0.0945, 0.9055);
        assertInterval(new Share(40, 12), 0.1807, 0.4543);
        assertInterval(new Share(25, 25), 0.8668, 1.0000);
        assertInterval(new Share(30, 0), 0.0000, 0.1135);
        assertThat(new Share(0, 0).interval()).isEmpty();
    }

    @Test
    void givesTheRatioOfTwoSharesItsLogMethodInterval() {
        ComeBack.Ratio ratio = new Comparison(new Share(50, 30), new Share(50, 15)).ratio().orElseThrow();

        assertThat(ratio.value()).isCloseTo(2.0, within(1e-9));
        assertThat(ratio.interval().low()).isCloseTo(1.2375, within(0.00005));
        assertThat(ratio.interval().high()).isCloseTo(3.2324, within(0.00005));
        assertThat(ratio.corrected()).isFalse();
    }

    @Test
    void addsAHalfToEachCellWhenAGroupHadNobodyComingBack() {
        ComeBack.Ratio ratio = new Comparison(new Share(30, 0), new Share(30, 10)).ratio().orElseThrow();

        assertThat(ratio.corrected()).isTrue();
        assertThat(ratio.value()).isCloseTo(0.0476, within(0.00005));
        assertThat(ratio.interval().low()).isCloseTo(0.0029, within(0.00005));
        assertThat(ratio.interval().high()).isCloseTo(0.7776, within(0.00005));
    }

    @Test
    void showsNoRatioBelowTheMinimumGroupSize() {
        Comparison thin = new Comparison(new Share(ComeBack.MIN_GROUP - 1, 15), new Share(200, 20));

        assertThat(thin.ratio()).isEmpty();
        assertThat(thin.verdict()).isEqualTo(Verdict.THIN);
        assertThat(words(thin, Locale.ENGLISH)).isEqualTo(
                "Not enough promoters and detractors yet to compare them (n = 19 and 200; at least 20 of each are needed).");
    }

    @Test
    void claimsAnEffectOnlyWhenTheWholeIntervalIsAboveOne() {
        Comparison more = new Comparison(new Share(50, 30), new Share(50, 15));

        assertThat(more.verdict()).isEqualTo(Verdict.MORE);
        assertThat(words(more, Locale.ENGLISH))
                .isEqualTo("Promoters came back 2.0× as often as detractors (1.2–3.2).");
        assertThat(words(more, Locale.FRENCH))
                .isEqualTo("Les promoteurs sont revenus 2,0 fois plus souvent que les détracteurs (1,2–3,2).");
        assertThat(words(more, Locale.forLanguageTag("pl")))
                .isEqualTo("Promotorzy wracali 2,0 razy częściej niż krytycy (1,2–3,2).");
    }

    @Test
    void saysLessOftenWhenTheWholeIntervalIsBelowOne() {
        Comparison less = new Comparison(new Share(50, 10), new Share(50, 25));

        assertThat(less.verdict()).isEqualTo(Verdict.LESS);
        assertThat(words(less, Locale.ENGLISH))
                .isEqualTo("Promoters came back less often than detractors: 0.40× as often (0.22–0.74).");
    }

    @Test
    void saysNoDifferenceCanBeSeenWhenTheIntervalContainsOne() {
        Comparison same = new Comparison(new Share(50, 25), new Share(50, 24));

        assertThat(same.verdict()).isEqualTo(Verdict.SAME);
        assertThat(words(same, Locale.ENGLISH))
                .isEqualTo("No difference can be seen between promoters and detractors: 1.04 (0.70–1.55).");
        assertThat(ProofWords.ratioWithInterval(same, Locale.FRENCH)).isEqualTo("1,04 (0,70–1,55)");
    }

    @Test
    void findsNoDifferenceWhereExperienceMakesNone() {
        ProofTally tally = ProofTally.count(clients(40, 20, 40, 19), purchasesOfFirst(40, 20, 40, 19), NOW);

        Comparison c = tally.comparison(DAYS_90, ProofGroup.Pair.PROMOTERS_DETRACTORS);
        assertThat(c.verdict()).isEqualTo(Verdict.SAME);
        ComeBack.Ratio ratio = c.ratio().orElseThrow();
        assertThat(ratio.interval().low()).isLessThan(1).isCloseTo(0.6714, within(0.00005));
        assertThat(ratio.interval().high()).isGreaterThan(1).isCloseTo(1.6503, within(0.00005));
        assertThat(words(c, Locale.ENGLISH)).startsWith("No difference can be seen between promoters and detractors: 1.05");
    }

    @Test
    void findsTheEffectWhereExperienceBringsThemBack() {
        ProofTally tally = ProofTally.count(clients(40, 30, 40, 10), purchasesOfFirst(40, 30, 40, 10), NOW);

        Comparison c = tally.comparison(DAYS_90, ProofGroup.Pair.PROMOTERS_DETRACTORS);
        assertThat(c.verdict()).isEqualTo(Verdict.MORE);
        assertThat(words(c, Locale.ENGLISH)).isEqualTo("Promoters came back 3.0× as often as detractors (1.7–5.3).");
    }

    /** {@code promoters} promoters and {@code detractors} detractors, each 200 days ago; the first ones come back. */
    private static List<Experience> clients(int promoters, int promotersBack, int detractors, int detractorsBack) {
        List<Experience> all = new ArrayList<>();
        Instant at = NOW.minus(Duration.ofDays(200));
        for (int i = 0; i < promoters + detractors; i++) {
            all.add(new Experience(i, at, Set.of(i < promoters ? PROMOTER : DETRACTOR)));
        }
        return all;
    }

    private static Map<Long, List<Instant>> purchasesOfFirst(int promoters, int promotersBack, int detractors,
                                                            int detractorsBack) {
        Map<Long, List<Instant>> purchases = new HashMap<>();
        Instant back = NOW.minus(Duration.ofDays(150));
        for (int i = 0; i < promotersBack; i++) {
            purchases.put((long) i, List.of(back));
        }
        for (int i = promoters; i < promoters + detractorsBack; i++) {
            purchases.put((long) i, List.of(back));
        }
        return purchases;
    }

    private static void assertInterval(Share share, double low, double high) {
        ComeBack.Interval interval = share.interval().orElseThrow();
        assertThat(interval.low()).isCloseTo(low, within(0.00005));
        assertThat(interval.high()).isCloseTo(high, within(0.00005));
    }

    private static String words(Comparison c, Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/experience");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return ProofWords.sentence(c, messages.getMessage("experience.proof.who.PROMOTER", null, locale),
                messages.getMessage("experience.proof.who.DETRACTOR", null, locale), messages, locale);
    }
}
