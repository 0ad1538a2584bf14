package org.ruleone.organization;

/** What a person may see and do: an owner spans all stores, a manager and an associate their own. */
public enum Role {
    OWNER, MANAGER, ASSOCIATE;

    public String authority() {
        return "ROLE_" + name();
    }
}
