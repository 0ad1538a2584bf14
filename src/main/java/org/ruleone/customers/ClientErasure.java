package org.ruleone.customers;

/**
 * Implemented by every module that holds something identifying about a client, for erasure (GDPR Art. 17, issue
 * 15): the person goes (names, contact details, free text, attachments, photos), the facts stay (amounts, dates,
 * scores, resolutions and costs, who served), so every figure is the same before and after. Called in the erasing
 * transaction, before the client's own record is replaced by its pseudonym.
 */
public interface ClientErasure {

    /** Erases what this module holds about the client; {@code pseudonym} is what may stand in for the name. */
    void erase(long clientId, String pseudonym);
}
