package org.ruleone.campaigns;

import java.util.List;
import java.util.Map;

/**
 * Who gets a campaign's letter, and how many of the audience are left out and why: {@link LeftOutReason#NO_CONSENT}
 * and {@link LeftOutReason#WITHDRAWN} for postal consent, {@link LeftOutReason#NO_ADDRESS} for a missing street or
 * town.
 */
public record LetterAudience(List<LetterRecipient> recipients, Map<LeftOutReason, Integer> leftOut) {

    public LetterAudience {
        recipients = List.copyOf(recipients);
        leftOut = Map.copyOf(leftOut);
    }

    public int in() {
        return recipients.size();
    }

    public int leftOut(LeftOutReason reason) {
        return leftOut.getOrDefault(reason, 0);
    }

    /** Left out for want of postal consent (never given, declined or withdrawn). */
    public int noConsent() {
        return leftOut(LeftOutReason.NO_CONSENT) + leftOut(LeftOutReason.WITHDRAWN);
    }

    public int noAddress() {
        return leftOut(LeftOutReason.NO_ADDRESS);
    }
}
