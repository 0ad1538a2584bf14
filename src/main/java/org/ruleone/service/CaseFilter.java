package org.ruleone.service;

import java.util.Optional;

/** Which cases a list shows, newest first; an empty criterion matches every case. */
public record CaseFilter(Optional<Long> storeId, Optional<Long> ownerId, Optional<Long> customerId,
                         Optional<CaseStatus> status, int limit) {

    public static final int DEFAULT_LIMIT = 100;

    public CaseFilter {
        storeId = storeId == null ? Optional.empty() : storeId;
        ownerId = ownerId == null ? Optional.empty() : ownerId;
        customerId = customerId == null ? Optional.empty() : customerId;
        status = status == null ? Optional.empty() : status;
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
    }

    public static CaseFilter ofStore(long storeId) {
        return new CaseFilter(Optional.of(storeId), Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_LIMIT);
    }

    /** "My cases". */
    public static CaseFilter ownedBy(long associateId) {
        return new CaseFilter(Optional.empty(), Optional.of(associateId), Optional.empty(), Optional.empty(),
                DEFAULT_LIMIT);
    }

    /** A client's cases, for their timeline. */
    public static CaseFilter ofCustomer(long customerId) {
        return new CaseFilter(Optional.empty(), Optional.empty(), Optional.of(customerId), Optional.empty(),
                DEFAULT_LIMIT);
    }

    public CaseFilter withStatus(CaseStatus wanted) {
        return new CaseFilter(storeId, ownerId, customerId, Optional.of(wanted), limit);
    }
}
