package org.ruleone.recognition.internal;

import java.util.Objects;

import org.ruleone.organization.Role;
import org.ruleone.recognition.internal.HeroicRecords.HeroicRow;

/**
 * Who may do what with a heroic (ADR 0104). Every signed-in person reads every heroic of the chain; the internal
 * comments are read and written by the associates of a hero's store and the owner; a legend is marked by a manager
 * of a hero's store or the owner.
 */
public final class HeroicRules {

    private HeroicRules() {
    }

    public static boolean mayReadComments(HeroicRow heroic, Role role, Long storeId) {
        return role == Role.OWNER || ofAHerosStore(heroic, storeId);
    }

    public static boolean mayMarkLegend(HeroicRow heroic, Role role, Long storeId) {
        return role == Role.OWNER || (role == Role.MANAGER && ofAHerosStore(heroic, storeId));
    }

    private static boolean ofAHerosStore(HeroicRow heroic, Long storeId) {
        return storeId != null && heroic.heroes().stream().anyMatch(h -> Objects.equals(h.storeId(), storeId));
    }
}
