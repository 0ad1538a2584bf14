package org.ruleone.telephony;

/** How a call ended: someone answered, nobody did, the caller left a message, or hung up while it rang. */
public enum CallOutcome {
    ANSWERED, MISSED, VOICEMAIL, ABANDONED
}
