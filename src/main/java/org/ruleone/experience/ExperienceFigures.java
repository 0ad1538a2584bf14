package org.ruleone.experience;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ruleone.experience.internal.MysteryResults;
import org.ruleone.experience.internal.SurveyFigures;
import org.ruleone.experience.internal.SurveyTally;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseStatus;
import org.springframework.stereotype.Service;

/**
 * The experience figures month by month, for other modules' screens (the home dashboard): the survey tallies, the
 * accepted mystery visits' score, and the follow-up cases still open. Days and months are each store's own, as on
 * the figures and mystery pages; {@code store} empty means every store (a caller limited to one store must set it).
 */
@Service
public class ExperienceFigures {

    /** At most this many follow-up cases are looked up for "still open" in one call. */
    static final int FOLLOW_UPS_READ = 5_000;

    private final SurveyFigures surveys;
    private final MysteryResults mystery;
    private final CaseDesk cases;
    private final Organization organization;

    ExperienceFigures(SurveyFigures surveys, MysteryResults mystery, CaseDesk cases, Organization organization) {
        this.organization = organization;
        this.surveys = surveys;
        this.mystery = mystery;
        this.cases = cases;
    }

    /**
     * One month's complete answers: how many answered "will you come back?" (and of those 9–10 and 0–6), how many
     * gave a satisfaction (and of those 4–5).
     */
    public record SurveyMonth(YearMonth month, long comeBackAnswers, long promoters, long detractors,
                              long satisfactionAnswers, long satisfied) {

        /** % 9–10 minus % 0–6; empty when nobody answered. */
        public Optional<Double> comeBackScore() {
            return comeBackAnswers == 0 ? Optional.empty()
                    : Optional.of(100.0 * (promoters - detractors) / comeBackAnswers);
        }

        /** % of 4–5 among the satisfactions given; empty when none was. */
        public Optional<Double> satisfiedShare() {
            return satisfactionAnswers == 0 ? Optional.empty() : Optional.of(100.0 * satisfied / satisfactionAnswers);
        }
    }

    /** The accepted visits to our stores in one month: weight earned of weight possible. */
    public record MysteryMonth(YearMonth month, BigDecimal earned, BigDecimal possible, long visits) {

        /** Earned over possible in percent, one decimal; empty when every item was N/A. */
        public Optional<BigDecimal> percent() {
            return possible.signum() == 0 ? Optional.empty()
                    : Optional.of(earned.multiply(BigDecimal.valueOf(100)).divide(possible, 1, RoundingMode.HALF_UP));
        }
    }

    /** The months from {@code from} to {@code to} (inclusive days) that had complete answers, in order. */
    public List<SurveyMonth> surveyMonths(Optional<Long> store, LocalDate from, LocalDate to) {
        Map<LocalDate, SurveyTally> trend = surveys.trend(new SurveyFigures.Slice(store, Optional.empty(),
                Optional.empty(), from, to, SurveyFigures.Grouping.MONTH));
        return trend.entrySet().stream().filter(e -> e.getValue().complete() > 0)
                .map(e -> new SurveyMonth(YearMonth.from(e.getKey()), e.getValue().comeBackCount(),
                        e.getValue().promoters(), e.getValue().detractors(), e.getValue().satisfactionCount(),
                        e.getValue().satisfied()))
                .toList();
    }

    /** The months with accepted visits to our stores, visited between the days given (inclusive), in order. */
    public List<MysteryMonth> mysteryMonths(Optional<Long> store, LocalDate from, LocalDate to) {
        Map<YearMonth, MysteryMonth> byMonth = new TreeMap<>();
        for (MysteryResults.Cell c : mystery.trend(new MysteryResults.Slice(store, from, to))) {
            if (c.department() != null) {
                continue;
            }
            byMonth.merge(YearMonth.from(c.month()),
                    new MysteryMonth(YearMonth.from(c.month()), c.earned(), c.possible(), c.visits()),
                    (a, b) -> new MysteryMonth(a.month(), a.earned().add(b.earned()),
                            a.possible().add(b.possible()), a.visits() + b.visits()));
        }
        return List.copyOf(byMonth.values());
    }

    /**
     * The follow-up cases opened for answers given between the days given that are not resolved now, counted by
     * the month of their answer (at most {@value #FOLLOW_UPS_READ} follow-ups, the newest, are looked at).
     */
    public Map<YearMonth, Long> openFollowUps(Optional<Long> store, LocalDate from, LocalDate to) {
        List<SurveyFigures.FollowUp> followUps = surveys.followUps(new SurveyFigures.Slice(store, Optional.empty(),
                Optional.empty(), from, to, SurveyFigures.Grouping.MONTH), FOLLOW_UPS_READ);
        Map<YearMonth, Long> open = new TreeMap<>();
        if (followUps.isEmpty()) {
            return open;
        }
        Map<Long, CaseStatus> statuses = cases.statuses(followUps.stream().map(SurveyFigures.FollowUp::caseId)
                .toList(), store);
        Map<Long, ZoneId> zones = new HashMap<>();
        for (StoreSummary s : organization.stores()) {
            zones.put(s.id(), s.timeZone());
        }
        for (SurveyFigures.FollowUp f : followUps) {
            CaseStatus status = statuses.get(f.caseId());
            if (status != null && status != CaseStatus.RESOLVED) {
                ZoneId zone = zones.getOrDefault(f.storeId(), ZoneOffset.UTC);
                open.merge(YearMonth.from(f.answeredAt().atZone(zone)), 1L, Long::sum);
            }
        }
        return open;
    }
}
