package org.ruleone.customers.web;

import java.time.MonthDay;
import java.util.Optional;

import org.ruleone.customers.DateKind;
import org.ruleone.customers.ImportantDate;

/** One important-date row of the client form; month, day and year stay text so nothing typed is lost. */
record DateForm(String kind, String label, String month, String day, String year) {

    static DateForm empty() {
        return new DateForm(DateKind.BIRTHDAY.name(), "", "", "", "");
    }

    static DateForm of(ImportantDate d) {
        return new DateForm(d.kind().name(), d.label(), String.valueOf(d.monthDay().getMonthValue()),
                String.valueOf(d.monthDay().getDayOfMonth()), d.year() == null ? "" : String.valueOf(d.year()));
    }

    /** A row left empty is not a date; it is skipped, not refused. */
    boolean isBlank() {
        return blank(label) && blank(month) && blank(day) && blank(year);
    }

    Optional<DateKind> parsedKind() {
        try {
            return Optional.of(DateKind.valueOf(kind));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    ImportantDate toImportantDate() {
        Integer y = blank(year) ? null : number(year).orElseThrow();
        return new ImportantDate(parsedKind().orElseThrow(), parsedKind().get() == DateKind.CUSTOM ? label : "",
                MonthDay.of(number(month).orElseThrow(), number(day).orElseThrow()), y);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
