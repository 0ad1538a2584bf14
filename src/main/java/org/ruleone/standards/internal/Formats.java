package org.ruleone.standards.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** Times and business durations as people read them, in the store's time zone and the reader's language. */
public final class Formats {

    private Formats() {
    }

    public static String when(Instant at, ZoneId zone, Locale locale) {
        return at == null ? "" : DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", locale).withZone(zone).format(at);
    }

    public static String duration(Duration d, MessageSource messages, Locale locale) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return messages.getMessage("standards.duration.minutes", new Object[] {minutes}, locale);
        }
        return messages.getMessage("standards.duration.hours", new Object[] {minutes / 60, minutes % 60}, locale);
    }
}
