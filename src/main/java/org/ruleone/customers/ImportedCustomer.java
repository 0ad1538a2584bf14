package org.ruleone.customers;

/**
 * A customer as a till or web shop knows it: their POS customer number and what the export says about them.
 *
 * @param externalId the POS customer number, unique within a store (another store may use it too)
 * @param country    may be empty
 */
public record ImportedCustomer(String externalId, String country) {
}
