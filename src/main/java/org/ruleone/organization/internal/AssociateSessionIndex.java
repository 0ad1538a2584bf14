package org.ruleone.organization.internal;

import java.util.Map;

import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Files each session under the signed-in associate's id rather than their e-mail, which can change: so
 * {@code findByPrincipalName} finds every session of a person even after their e-mail was edited.
 */
@Component
class AssociateSessionIndex implements IndexResolver<Session> {

    @Override
    public Map<String, String> resolveIndexesFor(Session session) {
        SecurityContext context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context != null && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof SignedInAssociate associate) {
            return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
                    Organization.sessionIndex(associate.id()));
        }
        return Map.of();
    }
}
