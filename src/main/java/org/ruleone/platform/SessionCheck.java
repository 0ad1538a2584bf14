package org.ruleone.platform;

/**
 * Asked on every signed-in request: may the person behind this session still act with the rights they signed
 * in with? A module that signs people in answers it; a session whose answer is no is ended at once.
 */
public interface SessionCheck {

    boolean isCurrent(Object principal);
}
