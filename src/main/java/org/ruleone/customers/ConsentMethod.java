package org.ruleone.customers;

/** How a consent was given or withdrawn, kept as part of its proof. */
public enum ConsentMethod {
    IN_STORE, WEB, IMPORT, API, UNSUBSCRIBE
}
