package org.ruleone.platform;

import java.time.Instant;
import java.util.List;

/** The sign-in throttle as the owner sees it: who is made to wait now, and lifting that wait. */
public interface SignInLocks {

    /** Accounts and addresses refused at this moment, the longest wait first. */
    List<SignInLock> current();

    /** Lets the account or address try again at once, with its count of failures cleared. */
    void lift(SignInLock.Kind kind, String key);

    /** One account (by the e-mail as typed, trimmed and in lower case) or one remote address that must wait. */
    record SignInLock(Kind kind, String key, int failures, Instant until) {

        public enum Kind { ACCOUNT, ADDRESS }
    }
}
