package org.ruleone.organization.internal;

import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.SessionCheck;
import org.springframework.stereotype.Component;

/** A session stays valid while its associate is active and has the role, store, e-mail and password it signed in with. */
@Component
class AssociateSessionCheck implements SessionCheck {

    private final Organization organization;

    AssociateSessionCheck(Organization organization) {
        this.organization = organization;
    }

    @Override
    public boolean isCurrent(Object principal) {
        return !(principal instanceof SignedInAssociate associate) || organization.stillSignedInAs(associate);
    }
}
