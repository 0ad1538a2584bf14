package org.ruleone.customers;

import java.time.Instant;
import java.util.List;

/**
 * Implemented by a module that owns data a retention rule removes (issue 15, ADR 0118): the privacy module's nightly
 * run asks each target for what is older than the rule's cut-off, first to preview it, then to remove it, so the
 * preview and the run are the same code.
 */
public interface RetentionTarget {

    /** The rule this target serves, one of {@link RetentionRule}. */
    RetentionRule rule();

    /** What {@link #apply} would touch for this cut-off: a count and the first few ids or names. */
    Touched preview(Instant cutOff, int sample);

    /** Removes what is older than the cut-off; returns how many items it touched. */
    int apply(Instant cutOff);

    /** How many items a rule touches, and the first of them as a person would recognise them. */
    record Touched(long count, List<String> first) {

        public static Touched none() {
            return new Touched(0, List.of());
        }
    }

    /**
     * The kinds of data the owner may set a retention period for; idle clients are erased through the same
     * erasure as a request, the others remove one module's text.
     */
    enum RetentionRule {
        /** Clients with no purchase, case or consent for N years: erased (Art. 17) by the privacy module. */
        IDLE_CLIENTS(RetentionUnit.YEARS),
        /** Closed cases' message text and attachments after N years; the case and its resolution stay. */
        CLOSED_CASE_TEXT(RetentionUnit.YEARS),
        /** Mail the mailroom could not read, after N days. */
        QUARANTINED_MAIL(RetentionUnit.DAYS),
        /** Survey comments after N years; the scores stay. */
        SURVEY_COMMENTS(RetentionUnit.YEARS);

        private final RetentionUnit unit;

        RetentionRule(RetentionUnit unit) {
            this.unit = unit;
        }

        public RetentionUnit unit() {
            return unit;
        }
    }

    enum RetentionUnit { DAYS, YEARS }
}
