package org.ruleone.platform.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.ruleone.platform.SessionCheck;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose person was deactivated or changed (role, store, e-mail, password) since signing in, so
 * an open session never keeps rights that were taken away, on whichever node it lands.
 */
class SessionCheckFilter extends OncePerRequestFilter {

    private static final List<String> STATIC = List.of("/css/", "/js/", "/img/", "/webjars/", "/favicon.ico");

    private final List<SessionCheck> checks;

    SessionCheckFilter(List<SessionCheck> checks) {
        this.checks = checks;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return STATIC.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated()
                && !checks.stream().allMatch(check -> check.isCurrent(signedIn.getPrincipal()))) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
