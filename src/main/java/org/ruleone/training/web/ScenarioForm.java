package org.ruleone.training.web;

import java.util.ArrayList;
import java.util.List;

import org.ruleone.training.Criterion;
import org.ruleone.training.ScenarioDraft;
import org.ruleone.training.ScenarioOrigin;

/** The scenario form: its texts, where it came from, and the rubric's rows (blank rows are left out). */
record ScenarioForm(String title, String situation, String customerPart, String goodLooksLike, String origin,
                    Long originId, List<CriterionForm> criteria) {

    static final int ROWS = 6;

    record CriterionForm(String name, String atOne, String atFive) {

        boolean blank() {
            return isBlank(name) && isBlank(atOne) && isBlank(atFive);
        }
    }

    static ScenarioForm of(ScenarioDraft d) {
        List<CriterionForm> rows = new ArrayList<>(d.rubric().stream()
                .map(c -> new CriterionForm(c.name(), c.atOne(), c.atFive())).toList());
        return new ScenarioForm(d.title(), d.situation(), d.customerPart(), d.goodLooksLike(), d.origin().name(),
                d.originId(), rows).padded();
    }

    /** The same form with blank rows up to {@link #ROWS}, so a writer can add criteria without JavaScript. */
    ScenarioForm padded() {
        List<CriterionForm> rows = new ArrayList<>(criteria == null ? List.of() : criteria.stream()
                .map(r -> r == null ? new CriterionForm("", "", "") : r).toList());
        while (rows.size() < ROWS) {
            rows.add(new CriterionForm("", "", ""));
        }
        return new ScenarioForm(title, situation, customerPart, goodLooksLike, origin, originId, rows);
    }

    ScenarioDraft draft() {
        List<Criterion> rubric = new ArrayList<>();
        if (criteria != null) {
            for (CriterionForm row : criteria) {
                if (row != null && !row.blank()) {
                    rubric.add(new Criterion(rubric.size() + 1, strip(row.name()), strip(row.atOne()),
                            strip(row.atFive())));
                }
            }
        }
        ScenarioOrigin from = ScenarioOrigin.HAND;
        try {
            from = origin == null ? ScenarioOrigin.HAND : ScenarioOrigin.valueOf(origin);
        } catch (IllegalArgumentException unknown) {
            from = ScenarioOrigin.HAND;
        }
        return new ScenarioDraft(strip(title), strip(situation), strip(customerPart), strip(goodLooksLike), from,
                from == ScenarioOrigin.HAND ? null : originId, rubric);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
