package org.ruleone.customers;

/**
 * A way to reach a client with marketing, each needing its own consent; and SURVEY, the satisfaction surveys a client
 * gets unless they opted out (no decision recorded: they are asked).
 */
public enum ConsentChannel {
    EMAIL, POST, SURVEY
}
