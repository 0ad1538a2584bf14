package org.ruleone.telephony.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.validation.Errors;

/**
 * What an associate types on the phone screen; kept as typed so a refused form loses nothing: the time and the
 * numbers stay text until {@link #check} reads them.
 */
record CallForm(Long storeId, Long caseId, Long customerId, String callerNumber, String ringingAt, String rings,
                String secondsToAnswer, String outcome, String durationSeconds, Long associateId, Boolean openCase,
                String subject) {

    /** As a {@code datetime-local} field sends it. */
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    CallForm {
        callerNumber = text(callerNumber);
        ringingAt = text(ringingAt).strip();
        rings = text(rings).strip();
        secondsToAnswer = text(secondsToAnswer).strip();
        outcome = outcome == null ? "ANSWERED" : outcome;
        durationSeconds = text(durationSeconds).strip();
        openCase = openCase != null && openCase;
        subject = text(subject);
    }

    /** A new call at {@code ringingAt}, about a case or a client when one is given. */
    static CallForm of(Long storeId, Long caseId, Long customerId, LocalDateTime ringingAt, Long associateId) {
        return new CallForm(storeId, caseId, customerId, "", MINUTES.format(ringingAt), "", "", null, "", associateId,
                false, "");
    }

    /** Rejects a time or a number that cannot be read, with the message the field's type mismatch has. */
    void check(Errors errors) {
        if (!ringingAt.isEmpty() && parsedRingingAt() == null) {
            errors.rejectValue("ringingAt", "typeMismatch");
        }
        for (String field : new String[] {"rings", "secondsToAnswer", "durationSeconds"}) {
            String value = (String) errors.getFieldValue(field);
            if (value != null && !value.isEmpty() && number(value) == null) {
                errors.rejectValue(field, "typeMismatch");
            }
        }
    }

    LocalDateTime parsedRingingAt() {
        try {
            return ringingAt.isEmpty() ? null : LocalDateTime.parse(ringingAt, MINUTES);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    Integer parsedRings() {
        return number(rings);
    }

    Integer parsedSecondsToAnswer() {
        return number(secondsToAnswer);
    }

    Integer parsedDurationSeconds() {
        return number(durationSeconds);
    }

    private static Integer number(String value) {
        try {
            return value.isEmpty() ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
