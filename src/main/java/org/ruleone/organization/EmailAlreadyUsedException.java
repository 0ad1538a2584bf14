package org.ruleone.organization;

public class EmailAlreadyUsedException extends RuntimeException {

    public EmailAlreadyUsedException(String email) {
        super("An associate with the e-mail " + email + " already exists");
    }
}
