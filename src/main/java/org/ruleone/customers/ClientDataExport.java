package org.ruleone.customers;

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
}
