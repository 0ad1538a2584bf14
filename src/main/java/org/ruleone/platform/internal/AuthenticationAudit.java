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

/** Writes every sign-in, failed sign-in and sign-out to the audit log. */
@Component
class AuthenticationAudit {

    private final AuditLog audit;

    AuthenticationAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails) {
            record("AUTHENTICATION_SUCCESS", event.getAuthentication(), Map.of());
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        record(LoginThrottle.FAILURE, event.getAuthentication(),
                Map.of("reason", event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        record("LOGOUT", event.getAuthentication(), Map.of());
    }

    private void record(String kind, Authentication authentication, Map<String, ?> details) {
        String addr = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        audit.record(kind, authentication.getName(), addr, details);
    }
}
