package org.ruleone.campaigns;

import org.ruleone.customers.PostalAddress;
import org.ruleone.shared.Language;

/** A client a campaign's letter goes to: postal consent in force and a postal address. */
public record LetterRecipient(long customerId, long storeId, String firstName, String lastName, PostalAddress address,
                              Language language, Long associateId) {

    public String name() {
        return (firstName.strip() + " " + lastName.strip()).strip();
    }
}
