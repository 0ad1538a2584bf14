package org.ruleone.standards.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** Times and business durations as people read them, in the store's time zone and the reader's language. */
public final class Formats {

    private Formats() {
    }

    /** The one date-and-time style of every screen ({@link org.ruleone.platform.Formats}), in the store's zone. */
    public static String when(Instant at, ZoneId zone, Locale locale) {
        return org.ruleone.platform.Formats.of(locale).dateTime(at, zone);
    }

    public static String duration(Duration d, MessageSource messages, Locale locale) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return messages.getMessage("standards.duration.minutes", new Object[] {minutes}, locale);
        }
        return messages.getMessage("standards.duration.hours", new Object[] {minutes / 60, minutes % 60}, locale);
    }
}
