package org.ruleone.platform;

import java.util.Optional;

/**
 * The principal of a request made with an API token.
 *
 * @param storeId the one store the token may touch; empty for a chain-wide token
 */
public record ApiClient(long tokenId, String name, Optional<Long> storeId) {

    public boolean canTouchStore(long store) {
        return storeId.map(s -> s == store).orElse(true);
    }
}
