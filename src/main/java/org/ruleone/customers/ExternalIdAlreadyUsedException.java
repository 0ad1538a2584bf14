package org.ruleone.customers;

/** Another client already has this POS customer number. */
public class ExternalIdAlreadyUsedException extends RuntimeException {

    public ExternalIdAlreadyUsedException(String externalId) {
        super("POS number already used: " + externalId);
    }
}
