package org.ruleone.campaigns.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) invitation to one event, METHOD:REQUEST, times in UTC. Text values are escaped
 * (backslash, semicolon, comma, line breaks) and lines are folded at 75 octets without splitting a UTF-8 character;
 * lines end with CRLF.
 */
public final class Invitation {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Invitation() {
    }

    /**
     * @param uid the event's identifier, stable across updates, e.g. {@code campaign-4@shop.example}
     */
    public static byte[] request(String uid, Instant stamp, Instant start, Instant end, String summary,
                                 String description, String location, String organizerName,
                                 String organizerEmail, String attendeeName, String attendeeEmail) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Rule One//Campaigns//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:REQUEST");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + text(uid));
        line(out, "DTSTAMP:" + UTC.format(stamp));
        line(out, "DTSTART:" + UTC.format(start));
        line(out, "DTEND:" + UTC.format(end != null ? end : start.plusSeconds(2 * 3600)));
        line(out, "SEQUENCE:0");
        line(out, "STATUS:CONFIRMED");
        line(out, "SUMMARY:" + text(summary));
        if (location != null && !location.isBlank()) {
            line(out, "LOCATION:" + text(location));
        }
        if (description != null && !description.isBlank()) {
            line(out, "DESCRIPTION:" + text(description));
        }
        line(out, "ORGANIZER;CN=" + param(organizerName) + ":mailto:" + organizerEmail);
        line(out, "ATTENDEE;CN=" + param(attendeeName)
                + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + attendeeEmail);
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Escapes a TEXT value (RFC 5545, 3.3.11). */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n");
    }

    /** A parameter value: quoted, with the characters a quoted value may not hold removed. */
    static String param(String value) {
        String clean = value == null ? "" : value.replaceAll("[\"\\p{Cntrl}]", " ").strip();
        return "\"" + clean + "\"";
    }

    /** Appends one content line, folded at 75 octets (RFC 5545, 3.1). */
    static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream folded = new ByteArrayOutputStream();
        int lineLength = 0;
        int i = 0;
        while (i < bytes.length) {
            int charLength = utf8Length(bytes[i]);
            if (lineLength + charLength > 75) {
                folded.writeBytes(new byte[]{'\r', '\n', ' '});
                lineLength = 1;
            }
            folded.write(bytes, i, Math.min(charLength, bytes.length - i));
            lineLength += charLength;
            i += charLength;
        }
        out.append(folded.toString(StandardCharsets.UTF_8)).append("\r\n");
    }

    private static int utf8Length(byte first) {
        int b = first & 0xFF;
        if (b < 0x80) {
            return 1;
        }
        if (b >= 0xF0) {
            return 4;
        }
        if (b >= 0xE0) {
            return 3;
        }
        return 2;
    }
}
