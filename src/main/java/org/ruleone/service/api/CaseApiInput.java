package org.ruleone.service.api;

import java.util.Arrays;
import java.util.Locale;

import org.ruleone.organization.Organization;
import org.ruleone.platform.ApiClient;
import org.ruleone.platform.JsonApi.Errors;
import org.springframework.stereotype.Component;

/** Checks shared by the cases API's requests: enum values, text, and the associates a token may name. */
@Component
class CaseApiInput {

    static final int MAX_TEXT = 20_000;

    private final Organization organization;

    CaseApiInput(Organization organization) {
        this.organization = organization;
    }

    /**
     * A store token speaks for its own store's associates only, not for another store's nor the owner's; a
     * chain-wide token may name anyone the desk accepts for the case's store.
     */
    void checkAssociate(ApiClient client, Long associateId, String field, Errors errors) {
        if (associateId == null || client.storeId().isEmpty()) {
            return;
        }
        long store = client.storeId().get();
        if (organization.associate(associateId).filter(a -> a.mayActAsOneOf(store)).isEmpty()) {
            errors.add(field, "must be an associate of this token's store");
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Errors errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, "one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
