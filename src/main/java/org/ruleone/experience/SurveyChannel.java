package org.ruleone.experience;

/** What made a client answer: the survey after a resolved case, after a purchase, the store's QR page, a web shop
 * through the API, or an answer imported from another survey tool. */
public enum SurveyChannel {
    CASE_RESOLVED, PURCHASE, IN_STORE, API, IMPORT
}
