package org.ruleone.privacy;

import java.time.Instant;
import java.util.Map;

import org.ruleone.platform.WebhookEvent;

/** A client was erased (GDPR Art. 17): only the pseudonym and the facts remain. Carries no personal data. */
@WebhookEvent.Type("client.erased")
public record ClientErased(long clientId, long storeId, String pseudonym, long erasedBy, Instant erasedAt)
        implements WebhookEvent {

    @Override
    public Map<String, Object> webhookData() {
        return WebhookEvent.data("clientId", clientId, "storeId", storeId, "pseudonym", pseudonym,
                "erasedBy", erasedBy, "erasedAt", erasedAt);
    }
}
