package org.ruleone.experience.web;

import java.util.Optional;

import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Which store and associate a figures page shows to whom: an owner any store or all, a manager or an associate
 * their own store only. Not found for a store or associate the reader may not see.
 */
record FigureScope(Optional<Long> storeId, Optional<Long> associateId) {

    static FigureScope of(Long store, Long associate, SignedInAssociate me, Organization organization) {
        Optional<Long> asked = Optional.ofNullable(store);
        if (asked.isPresent() && (!me.canSeeStore(asked.get()) || organization.store(asked.get()).isEmpty())) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        Optional<Long> scope = asked.or(me::storeScope);
        Optional<Long> who = Optional.ofNullable(associate);
        if (who.isPresent()) {
            Optional<AssociateSummary> found = organization.associate(who.get());
            boolean visible = found.isPresent() && found.get().storeId() != null
                    && me.canSeeStore(found.get().storeId())
                    && scope.map(s -> s.equals(found.get().storeId())).orElse(true);
            if (!visible) {
                throw new ResponseStatusException(NOT_FOUND);
            }
        }
        return new FigureScope(scope, who);
    }
}
