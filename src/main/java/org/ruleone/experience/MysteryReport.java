package org.ruleone.experience;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a mystery shopper sends about a visit (ADR 0101): an answer per item (a draft may leave some out), when they
 * were there (in the store's time zone) and what stood out. {@link #problems} says what cannot be kept.
 */
public record MysteryReport(Map<Long, MysteryItemAnswer> answers, LocalDateTime visitedAt, String stoodOut) {

    public static final int MAX_STOOD_OUT = 2000;
    /** How far the time of the visit may fall outside its window, in days, for a visit just before or after it. */
    public static final int WINDOW_SLACK_DAYS = 1;

    public MysteryReport {
        answers = Map.copyOf(answers);
        stoodOut = stoodOut == null ? "" : stoodOut.strip();
    }

    /** Something that cannot be kept: a code ({@code experience.mystery.report.error.<code>}) and its item, if any. */
    public record Problem(String code, Long itemId) {

        static Problem of(String code) {
            return new Problem(code, null);
        }
    }

    /**
     * What cannot be kept of this report for this visit: each answer checked against its item, the time of the visit
     * (within the window ± {@value #WINDOW_SLACK_DAYS} day, in the store's zone, and not in the future) and what
     * stood out. A submission also needs the time, and what stood out when the visit was to another business; the
     * items still unanswered are {@link MysteryScoring#missing}.
     */
    public List<Problem> problems(MysteryVisit visit, List<MysteryItem> items, ZoneId zone, Instant now,
                                  boolean submit) {
        List<Problem> problems = new ArrayList<>();
        for (MysteryItem item : items) {
            MysteryItemAnswer answer = answers.get(item.id());
            String problem = answer == null ? null : MysteryItemAnswer.problem(item, answer);
            if (problem != null) {
                problems.add(new Problem(problem, item.id()));
            }
        }
        if (visitedAt == null) {
            if (submit) {
                problems.add(Problem.of("visit-time-missing"));
            }
        } else if (visitedAt.atZone(zone).toInstant().isAfter(now)) {
            problems.add(Problem.of("visit-time-future"));
        } else if (visitedAt.toLocalDate().isBefore(visit.windowFrom().minusDays(WINDOW_SLACK_DAYS))
                || visitedAt.toLocalDate().isAfter(visit.windowTo().plusDays(WINDOW_SLACK_DAYS))) {
            problems.add(Problem.of("visit-time-outside"));
        }
        if (stoodOut.length() > MAX_STOOD_OUT) {
            problems.add(Problem.of("stood-out-too-long"));
        } else if (submit && stoodOut.isEmpty() && !visit.ownStore()) {
            problems.add(Problem.of("stood-out-missing"));
        }
        return problems;
    }
}
