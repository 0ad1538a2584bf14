package org.ruleone.customers;

/** What an important date in a client's life is. */
public enum DateKind {
    BIRTHDAY, ANNIVERSARY, CUSTOM
}
