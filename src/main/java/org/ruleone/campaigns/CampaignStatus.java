package org.ruleone.campaigns;

public enum CampaignStatus {
    DRAFT, SENT
}
