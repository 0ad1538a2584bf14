package org.ruleone.service;

/**
 * How the customer reached the store about a case; SURVEY: the store reaches back to a customer whose survey answer
 * was unhappy (experience opens that follow-up case).
 */
public enum Channel {
    IN_STORE, PHONE, EMAIL, WEB_FORM, SURVEY;

    /** The ways a customer reaches the store, offered when an associate opens a case by hand (not SURVEY). */
    public static java.util.List<Channel> customerChannels() {
        return java.util.List.of(IN_STORE, PHONE, EMAIL, WEB_FORM);
    }
}
