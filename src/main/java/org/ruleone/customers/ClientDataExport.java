package org.ruleone.customers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ruleone.shared.Language;

/**
 * Implemented by every module that holds something about a client, for the client's copy of their data (GDPR
 * Art. 15 and 20, issue 15). A section names associates by first name only and never another client.
 */
public interface ClientDataExport {

    /**
     * What this module holds about the client: a section key (its heading is the message
     * {@code privacy.export.section.<key>}) and its items, each an ordered map of field to a JSON-ready value
     * (text, number, boolean, ISO date/time text, or a nested list/map of the same). Empty items when nothing.
     */
    Section export(long clientId, Language language);

    record Section(String key, List<Map<String, Object>> items) {

        public Section {
            items = List.copyOf(items);
        }
    }

    /**
     * An item from field and value pairs, in that order; a null value leaves its field out, an {@link Instant}, a
     * {@link LocalDate} (or their {@code java.sql} kin) becomes its ISO text.
     */
    static Map<String, Object> item(Object... fieldsAndValues) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            Object value = fieldsAndValues[i + 1];
            if (value instanceof java.sql.Timestamp at) {
                value = at.toInstant();
            } else if (value instanceof java.sql.Date day) {
                value = day.toLocalDate();
            }
            if (value instanceof Instant || value instanceof LocalDate) {
                value = value.toString();
            }
            if (value != null) {
                item.put((String) fieldsAndValues[i], value);
            }
        }
        return item;
    }

    /** How a section names an associate: by the first word of their name only (null stays null). */
    static String firstName(String fullName) {
        if (fullName == null) {
            return null;
        }
        String name = fullName.strip();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
