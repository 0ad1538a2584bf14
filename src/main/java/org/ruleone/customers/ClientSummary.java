package org.ruleone.customers;

/** One line in a list of clients (search results, an associate's book). */
public record ClientSummary(long id, long storeId, String externalId, String firstName, String lastName, String email,
                            String phone, String city, Long associateId) {

    public String displayName() {
        String name = (firstName + " " + lastName).strip();
        return name.isEmpty() && externalId != null ? "#" + externalId : name;
    }
}
