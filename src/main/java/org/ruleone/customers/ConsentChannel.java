package org.ruleone.customers;

/** A way to reach a client with marketing: each needs its own consent. */
public enum ConsentChannel {
    EMAIL, POST
}
