package org.ruleone.campaigns;

/** An event (private sale, trunk show, new collection evening) with a time and place, or a sale. */
public enum CampaignKind {
    EVENT, SALE
}
