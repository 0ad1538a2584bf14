package org.ruleone.experience.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ruleone.experience.MysteryAnswerType;
import org.ruleone.experience.MysteryItem;
import org.ruleone.experience.MysteryItemAnswer;
import org.ruleone.experience.MysteryReport;
import org.springframework.util.MultiValueMap;

/**
 * The shopper's form as typed (ADR 0101): per item {@code answer-<id>} (1/0, 1–5, a number, or {@code na}),
 * {@code na-<id>} (a number item's N/A box) and {@code comment-<id>}; {@code visitDate}, {@code visitTime},
 * {@code stoodOut}. Kept as strings so a refused form shows back exactly what was typed.
 */
record MysteryReportForm(Map<Long, String> values, Set<Long> na, Map<Long, String> comments, String visitDate,
                         String visitTime, String stoodOut) {

    static final String NA = "na";

    /** The form read back from what is kept: answers, time of the visit in the store's zone, what stood out. */
    static MysteryReportForm of(Map<Long, MysteryItemAnswer> answers, java.time.Instant visitedAt, ZoneId zone,
                                String stoodOut) {
        Map<Long, String> values = new HashMap<>();
        Set<Long> na = new HashSet<>();
        Map<Long, String> comments = new HashMap<>();
        answers.values().forEach(a -> {
            if (a.na()) {
                na.add(a.itemId());
            } else if (a.value() != null) {
                values.put(a.itemId(), a.value().stripTrailingZeros().toPlainString());
            }
            comments.put(a.itemId(), a.comment());
        });
        LocalDateTime at = visitedAt == null ? null : LocalDateTime.ofInstant(visitedAt, zone);
        return new MysteryReportForm(values, na, comments, at == null ? "" : at.toLocalDate().toString(),
                at == null ? "" : at.toLocalTime().withSecond(0).withNano(0).toString(), stoodOut);
    }

    static MysteryReportForm read(List<MysteryItem> items, MultiValueMap<String, String> params) {
        Map<Long, String> values = new HashMap<>();
        Set<Long> na = new HashSet<>();
        Map<Long, String> comments = new HashMap<>();
        for (MysteryItem item : items) {
            String value = strip(params.getFirst("answer-" + item.id()));
            if (NA.equals(value) || params.getFirst("na-" + item.id()) != null) {
                na.add(item.id());
            } else if (!value.isEmpty()) {
                values.put(item.id(), value);
            }
            comments.put(item.id(), params.getFirst("comment-" + item.id()) == null ? ""
                    : params.getFirst("comment-" + item.id()));
        }
        return new MysteryReportForm(values, na, comments, strip(params.getFirst("visitDate")),
                strip(params.getFirst("visitTime")), params.getFirst("stoodOut") == null ? ""
                : params.getFirst("stoodOut"));
    }

    /** What was typed, read as a report; the values and times that cannot be read are in {@code problems}. */
    record Read(MysteryReport report, List<MysteryReport.Problem> problems) {
    }

    Read report(List<MysteryItem> items) {
        List<MysteryReport.Problem> problems = new ArrayList<>();
        Map<Long, MysteryItemAnswer> answers = new HashMap<>();
        for (MysteryItem item : items) {
            String comment = comments.getOrDefault(item.id(), "");
            if (na.contains(item.id())) {
                answers.put(item.id(), new MysteryItemAnswer(item.id(), true, null, comment));
                continue;
            }
            BigDecimal value = null;
            String typed = values.get(item.id());
            if (typed != null) {
                try {
                    value = new BigDecimal(typed.replace(',', '.').replace(" ", "").replace("\u00a0", ""));
                } catch (NumberFormatException e) {
                    problems.add(new MysteryReport.Problem(item.type() == MysteryAnswerType.NUMBER ? "number"
                            : item.type() == MysteryAnswerType.SCALE ? "scale" : "yes-no", item.id()));
                    continue;
                }
            }
            answers.put(item.id(), new MysteryItemAnswer(item.id(), false, value, comment));
        }
        LocalDateTime visitedAt = null;
        if (!visitDate.isEmpty() || !visitTime.isEmpty()) {
            try {
                visitedAt = LocalDate.parse(visitDate).atTime(LocalTime.parse(visitTime));
            } catch (DateTimeParseException e) {
                problems.add(new MysteryReport.Problem("visit-time-unreadable", null));
            }
        }
        return new Read(new MysteryReport(answers, visitedAt, stoodOut), problems);
    }

    String value(long itemId) {
        return values.get(itemId);
    }

    boolean na(long itemId) {
        return na.contains(itemId);
    }

    String comment(long itemId) {
        return comments.getOrDefault(itemId, "");
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
