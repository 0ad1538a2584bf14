package org.ruleone.campaigns;

/** Why a client who matches an audience will not receive the e-mail. */
public enum LeftOutReason {
    /** Never granted e-mail consent (never asked, or declined). */
    NO_CONSENT,
    /** Granted it once and withdrew it. */
    WITHDRAWN,
    /** Consented but has no e-mail address. */
    NO_ADDRESS,
    /** Consented but a delivery report said the address is dead. */
    UNDELIVERABLE
}
