package org.ruleone.service;

/** How the customer reached the store about a case. */
public enum Channel {
    IN_STORE, PHONE, EMAIL, WEB_FORM
}
