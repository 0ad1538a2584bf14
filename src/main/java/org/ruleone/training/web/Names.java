package org.ruleone.training.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.ruleone.organization.Organization;
import org.springframework.stereotype.Component;

/** The names of the people the training screens mention, read once per page. */
@Component
class Names {

    private final Organization organization;

    Names(Organization organization) {
        this.organization = organization;
    }

    Map<Long, String> everyone() {
        Map<Long, String> names = new HashMap<>();
        organization.associates(Optional.empty()).forEach(a -> names.put(a.id(), a.name()));
        return names;
    }
}
