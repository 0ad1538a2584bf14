package org.ruleone.organization.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ruleone.organization.BusinessHours;
import org.ruleone.organization.StoreSummary;
import org.springframework.validation.BindingResult;

/**
 * A store's settings. {@code opens} and {@code closes} hold one "HH:MM" per weekday, Monday first; a day with
 * both empty is closed.
 */
record StoreForm(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 500) String address,
        @Size(max = 80) String country,
        String timeZone,
        @NotBlank @Pattern(regexp = "en|fr|pl") String language,
        List<String> opens,
        List<String> closes) {

    static final List<BusinessHours> DEFAULT_HOURS = java.util.stream.IntStream.rangeClosed(1, 6)
            .mapToObj(d -> new BusinessHours(DayOfWeek.of(d), LocalTime.of(9, 0), LocalTime.of(18, 0)))
            .toList();

    static StoreForm empty(String language) {
        return of("", "", "", "Europe/London", language, DEFAULT_HOURS);
    }

    static StoreForm of(StoreSummary store, List<BusinessHours> hours) {
        return of(store.name(), store.address(), store.country(), store.timeZone().getId(),
                store.language().code(), hours);
    }

    private static StoreForm of(String name, String address, String country, String zone, String language,
                                List<BusinessHours> hours) {
        List<String> opens = new ArrayList<>();
        List<String> closes = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            var h = hours.stream().filter(x -> x.day() == day).findFirst();
            opens.add(h.map(x -> x.opensAt().toString()).orElse(""));
            closes.add(h.map(x -> x.closesAt().toString()).orElse(""));
        }
        return new StoreForm(name, address, country, zone, language, opens, closes);
    }

    /** The opening hours, or field errors naming the day that is wrong. */
    List<BusinessHours> hours(BindingResult errors) {
        List<BusinessHours> result = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String open = at(opens, day.ordinal());
            String close = at(closes, day.ordinal());
            if (open.isEmpty() && close.isEmpty()) {
                continue;
            }
            try {
                result.add(new BusinessHours(day, LocalTime.parse(open), LocalTime.parse(close)));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                errors.reject("validation.hours", new Object[] {day.getValue()}, "Check the opening hours");
            }
        }
        return result;
    }

    private static String at(List<String> values, int index) {
        return values == null || values.size() <= index || values.get(index) == null ? "" : values.get(index).strip();
    }
}
