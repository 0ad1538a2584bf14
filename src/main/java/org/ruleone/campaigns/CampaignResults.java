package org.ruleone.campaigns;

import java.math.BigDecimal;

/**
 * What came of a campaign.
 *
 * @param invited     purchases of the clients it was sent to in the {@code followDays} after sending
 * @param notInvited  the same for clients of the same stores with e-mail consent who were not sent it
 */
public record CampaignResults(int queued, int sent, int bounced, int rsvpYes, int rsvpNo, int rsvpMaybe,
                              int followDays, Group invited, Group notInvited) {

    /** Purchases of a group of clients in a window. */
    public record Group(int clients, int buyers, int purchases, BigDecimal spend) {

        /** Share of the clients who bought, in percent. */
        public BigDecimal buyerShare() {
            return clients == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(buyers * 100L).divide(BigDecimal.valueOf(clients), 1,
                    java.math.RoundingMode.HALF_UP);
        }

        public BigDecimal spendPerClient() {
            return clients == 0 ? BigDecimal.ZERO
                    : spend.divide(BigDecimal.valueOf(clients), 2, java.math.RoundingMode.HALF_UP);
        }
    }
}
