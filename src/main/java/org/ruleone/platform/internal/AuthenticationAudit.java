package org.ruleone.platform.internal;

import java.util.Map;

import org.ruleone.platform.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Writes every sign-in, failed sign-in and sign-out to the audit log, and tells the sign-in throttle. */
@Component
class AuthenticationAudit {

    private final AuditLog audit;
    private final LoginThrottle throttle;

    AuthenticationAudit(AuditLog audit, LoginThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails) {
            record("AUTHENTICATION_SUCCESS", event.getAuthentication(), Map.of());
            throttle.succeeded(event.getAuthentication().getName());
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        record("AUTHENTICATION_FAILURE", event.getAuthentication(),
                Map.of("reason", event.getException().getClass().getSimpleName()));
        throttle.failed(event.getAuthentication().getName(), remoteAddr(event.getAuthentication()));
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        record("LOGOUT", event.getAuthentication(), Map.of());
    }

    private void record(String kind, Authentication authentication, Map<String, ?> details) {
        audit.record(kind, authentication.getName(), remoteAddr(authentication), details);
    }

    private static String remoteAddr(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
