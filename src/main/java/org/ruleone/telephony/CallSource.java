package org.ruleone.telephony;

/** Who recorded a call: an associate on the phone screen, the store's telephony, or an integration through the API. */
public enum CallSource {
    MANUAL, TELEPHONY, API
}
