package org.ruleone.customers.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ruleone.customers.Client;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.DateKind;
import org.ruleone.customers.PostalAddress;
import org.ruleone.shared.Language;
import org.springframework.validation.Errors;

/** Everything an associate types about a client; a refused form comes back exactly as it was typed. */
record ClientForm(
        Long storeId,
        @Size(max = 60, message = "{clients.validation.externalId}") String externalId,
        @Size(max = 100, message = "{clients.validation.tooLong}") String firstName,
        @Size(max = 100, message = "{clients.validation.tooLong}") String lastName,
        @Email(message = "{clients.validation.email}") @Size(max = 200, message = "{clients.validation.tooLong}") String email,
        @Pattern(regexp = "[0-9+()\\s./-]{0,40}", message = "{clients.validation.phone}") String phone,
        @Size(max = 200, message = "{clients.validation.tooLong}") String line1,
        @Size(max = 200, message = "{clients.validation.tooLong}") String line2,
        @Size(max = 20, message = "{clients.validation.tooLong}") String postalCode,
        @Size(max = 100, message = "{clients.validation.tooLong}") String city,
        @Size(max = 100, message = "{clients.validation.tooLong}") String region,
        @Size(max = 100, message = "{clients.validation.tooLong}") String country,
        @Pattern(regexp = "en|fr|pl", message = "{clients.validation.language}") String language,
        @Size(max = 500, message = "{clients.validation.tooLong}") String sizes,
        @Size(max = 500, message = "{clients.validation.tooLong}") String tags,
        @Size(max = 5000, message = "{clients.validation.tooLong}") String notes,
        Long associateId,
        List<DateForm> dates) {

    /** Empty date rows offered on the form, so a date can be added without JavaScript. */
    static final int SPARE_DATE_ROWS = 2;
    static final int MAX_TAG_LENGTH = 40;

    ClientForm {
        dates = dates == null ? new ArrayList<>() : new ArrayList<>(dates);
    }

    static ClientForm empty(long storeId, Long associateId, String language) {
        return new ClientForm(storeId, "", "", "", "", "", "", "", "", "", "", "", language, "", "", "", associateId,
                List.of()).withSpareDateRows();
    }

    static ClientForm of(Client c) {
        PostalAddress a = c.address();
        return new ClientForm(c.storeId(), c.externalId() == null ? "" : c.externalId(), c.firstName(), c.lastName(),
                c.email() == null ? "" : c.email(), c.phone() == null ? "" : c.phone(), a.line1(), a.line2(),
                a.postalCode(), a.city(), a.region(), a.country(), c.language().code(), c.sizes(),
                String.join(", ", c.tags()), c.notes(), c.associateId(),
                c.dates().stream().map(DateForm::of).toList()).withSpareDateRows();
    }

    ClientForm withSpareDateRows() {
        List<DateForm> rows = new ArrayList<>(dates.stream().filter(d -> !d.isBlank()).toList());
        for (int i = 0; i < SPARE_DATE_ROWS; i++) {
            rows.add(DateForm.empty());
        }
        return new ClientForm(storeId, externalId, firstName, lastName, email, phone, line1, line2, postalCode, city,
                region, country, language, sizes, tags, notes, associateId, rows);
    }

    /** The checks that span fields or need today's date; annotations cover the rest. */
    void check(Errors errors, LocalDate today) {
        if (DateForm.blank(firstName) && DateForm.blank(lastName)) {
            errors.rejectValue("lastName", "clients.validation.nameRequired");
        }
        if (tagList().stream().anyMatch(t -> t.length() > MAX_TAG_LENGTH)) {
            errors.rejectValue("tags", "clients.validation.tagLength", new Object[] {MAX_TAG_LENGTH}, null);
        }
        for (int i = 0; i < dates.size(); i++) {
            checkDate(dates.get(i), "dates[" + i + "]", errors, today);
        }
    }

    private static void checkDate(DateForm d, String path, Errors errors, LocalDate today) {
        if (d.isBlank()) {
            return;
        }
        if (d.parsedKind().isEmpty()) {
            errors.rejectValue(path + ".kind", "clients.validation.dateKind");
            return;
        }
        if (d.parsedKind().get() == DateKind.CUSTOM && DateForm.blank(d.label())) {
            errors.rejectValue(path + ".label", "clients.validation.dateLabel");
        }
        if (d.label() != null && d.label().length() > 60) {
            errors.rejectValue(path + ".label", "clients.validation.tooLong");
        }
        var month = d.number(d.month()).filter(m -> m >= 1 && m <= 12);
        var day = d.number(d.day()).filter(n -> n >= 1 && n <= 31);
        if (month.isEmpty() || day.isEmpty()) {
            errors.rejectValue(path + ".day", "clients.validation.dateMonthDay");
            return;
        }
        if (!DateForm.blank(d.year())) {
            var year = d.number(d.year()).filter(y -> y >= 1900 && y <= today.getYear());
            if (year.isEmpty()) {
                errors.rejectValue(path + ".year", "clients.validation.dateYear", new Object[] {String.valueOf(today.getYear())}, null);
                return;
            }
            try {
                LocalDate.of(year.get(), month.get(), day.get());
            } catch (DateTimeException e) {
                errors.rejectValue(path + ".day", "clients.validation.dateNoSuchDay");
            }
            return;
        }
        try {
            // Without a year, 29 February is a valid birthday.
            MonthDay.of(month.get(), day.get());
        } catch (DateTimeException e) {
            errors.rejectValue(path + ".day", "clients.validation.dateNoSuchDay");
        }
    }

    List<String> tagList() {
        if (tags == null) {
            return List.of();
        }
        return List.copyOf(Arrays.stream(tags.split("[,;\\n]"))
                .map(String::strip).filter(t -> !t.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }

    /** Only called once {@link #check} and the annotations found nothing wrong. */
    ClientDraft draft(long store) {
        return new ClientDraft(store, externalId, firstName, lastName, email, phone,
                new PostalAddress(line1, line2, postalCode, city, region, country),
                Language.fromCode(language).orElse(Language.EN), sizes, tagList(),
                dates.stream().filter(d -> !d.isBlank()).map(DateForm::toImportantDate).toList(), notes, associateId);
    }
}
