package org.ruleone.service;

/** Where a case stands; it changes only through the transitions of {@link ServiceCase}. */
public enum CaseStatus {
    OPEN, WAITING_ON_CUSTOMER, RESOLVED
}
