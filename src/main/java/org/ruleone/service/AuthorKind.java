package org.ruleone.service;

/** Who wrote a message of a case. */
public enum AuthorKind {
    CUSTOMER, ASSOCIATE
}
