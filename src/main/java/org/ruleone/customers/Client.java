package org.ruleone.customers;

import java.time.Instant;
import java.util.List;

import org.ruleone.shared.Language;

/** A client as the client page shows them. */
public record Client(long id, long storeId, String externalId, String firstName, String lastName, String email,
                     String phone, PostalAddress address, Language language, String sizes, List<String> tags,
                     List<ImportantDate> dates, String notes, Long associateId, Instant createdAt,
                     Instant updatedAt) {

    /** The name to show; falls back to the POS number for clients an import created with no name yet. */
    public String displayName() {
        String name = (firstName + " " + lastName).strip();
        return name.isEmpty() && externalId != null ? "#" + externalId : name;
    }

    public ClientDraft draft() {
        return new ClientDraft(storeId, externalId, firstName, lastName, email, phone, address, language, sizes, tags,
                dates, notes, associateId);
    }
}
