package org.ruleone.privacy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The sections as a person reads them: headings, field labels and codes in their language, times in the store's
 * time zone. A field or code with no words of its own shows as it is in data.json.
 */
@Component
class ExportView {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]+");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    record SectionView(String key, String heading, String empty, List<ItemView> items) {
    }

    record ItemView(List<FieldView> fields) {
    }

    /** A field's label and text, or its nested items (a case's messages, a purchase's lines). */
    record FieldView(String name, String label, String text, List<ItemView> nested) {
    }

    private final MessageSource messages;

    ExportView(MessageSource messages) {
        this.messages = messages;
    }

    List<SectionView> sections(Map<String, List<Map<String, Object>>> data, Locale locale, ZoneId zone) {
        return data.entrySet().stream()
                .map(e -> new SectionView(e.getKey(),
                        messages.getMessage("privacy.export.section." + e.getKey(), null, e.getKey(), locale),
                        messages.getMessage("privacy.export.none", null, locale),
                        items(e.getValue(), locale, zone)))
                .toList();
    }

    String when(Instant at, Locale locale, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(at);
    }

    private List<ItemView> items(Collection<?> items, Locale locale, ZoneId zone) {
        return items.stream().filter(Map.class::isInstance).map(i -> item((Map<?, ?>) i, locale, zone)).toList();
    }

    private ItemView item(Map<?, ?> item, Locale locale, ZoneId zone) {
        return new ItemView(item.entrySet().stream().filter(e -> !blank(e.getValue())).map(e -> {
            String name = (String) e.getKey();
            String label = messages.getMessage("privacy.export.field." + name, null, name, locale);
            Object value = e.getValue();
            if (value instanceof Collection<?> list && !list.isEmpty() && list.iterator().next() instanceof Map) {
                return new FieldView(name, label, "", items(list, locale, zone));
            }
            return new FieldView(name, label, text(value, locale, zone), List.of());
        }).toList());
    }

    /** An empty text or list says nothing to a person (data.json keeps it). */
    private static boolean blank(Object value) {
        return value instanceof String text && text.isBlank() || value instanceof Collection<?> list && list.isEmpty();
    }

    private String text(Object value, Locale locale, ZoneId zone) {
        if (value instanceof Boolean yes) {
            return messages.getMessage(yes ? "privacy.export.yes" : "privacy.export.no", null, locale);
        }
        if (value instanceof Collection<?> list) {
            return String.join(", ", list.stream().map(v -> text(v, locale, zone)).toList());
        }
        String text = String.valueOf(value);
        try {
            if (ISO_INSTANT.matcher(text).matches()) {
                return when(Instant.parse(text), locale, zone);
            }
            if (ISO_DATE.matcher(text).matches()) {
                return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                        .format(LocalDate.parse(text));
            }
        } catch (DateTimeParseException notADate) {
            return text;
        }
        if (CODE.matcher(text).matches()) {
            return messages.getMessage("privacy.export.value." + text, null, text, locale);
        }
        return text;
    }
}
