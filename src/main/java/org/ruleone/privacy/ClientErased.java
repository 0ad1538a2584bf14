package org.ruleone.privacy;

import java.time.Instant;

/** A client was erased (GDPR Art. 17): only the pseudonym and the facts remain. Carries no personal data. */
public record ClientErased(long clientId, long storeId, String pseudonym, long erasedBy, Instant erasedAt) {
}
