package org.ruleone.platform.internal;

import java.time.Duration;

import org.ruleone.platform.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses sign-in attempts for a name or an address after too many recent failures. The failures are read
 * from the audit log, so the limit holds across restarts and across several application nodes.
 */
@Component
class LoginThrottle {

    static final String FAILURE = "AUTHENTICATION_FAILURE";

    private final AuditLog audit;
    private final int maxFailures;
    private final Duration window;

    LoginThrottle(AuditLog audit,
                  @Value("${ruleone.login.max-failures:5}") int maxFailures,
                  @Value("${ruleone.login.lock-window:PT15M}") Duration window) {
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    boolean isLocked(String username, String remoteAddr) {
        return audit.countSince(FAILURE, username, remoteAddr, window) >= maxFailures;
    }

    Duration window() {
        return window;
    }
}
