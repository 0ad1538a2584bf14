package org.ruleone.privacy;

import java.util.Locale;
import java.util.Optional;

/**
 * How long a kind of personal data is kept, as the records of processing show it (issue 15, ADR 0116). The owner's
 * retention rules answer for the kinds they cover; the fixed periods the code applies answer for the rest (an
 * implementation with a higher precedence, {@code @Order}, is asked first).
 */
public interface RetentionReading {

    /** The kinds the records of processing list, one per module that holds personal data. */
    enum Kind { CLIENTS, CONSENTS, PURCHASES, TRANSFERS, CASES, CALLS, SURVEYS, TASKS, CAMPAIGNS, HEROICS, MAIL,
        QUARANTINE, STAFF, AUDIT }

    /**
     * How long this kind is kept, in words of this language, e.g. "3 years after the last purchase"; empty when this
     * reading does not know (the next one is asked).
     */
    Optional<String> period(Kind kind, Locale locale);
}
