package org.ruleone.customers;

import java.util.List;

import org.ruleone.shared.Language;

/**
 * What an associate types about a client, already checked.
 *
 * @param externalId   the POS customer number, or {@code null}
 * @param email        or {@code null}
 * @param phone        or {@code null}
 * @param associateId  the associate who keeps this client, or {@code null}
 */
public record ClientDraft(long storeId, String externalId, String firstName, String lastName, String email,
                          String phone, PostalAddress address, Language language, String sizes, List<String> tags,
                          List<ImportantDate> dates, String notes, Long associateId) {

    public ClientDraft {
        address = address == null ? PostalAddress.NONE : address;
        tags = tags == null ? List.of() : List.copyOf(tags);
        dates = dates == null ? List.of() : List.copyOf(dates);
    }
}
