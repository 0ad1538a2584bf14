package org.ruleone.organization.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.organization.Organization;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Until an owner exists, every page leads to the first-run screen; afterwards the screen is closed. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FirstRunFilter extends OncePerRequestFilter {

    private final Organization organization;
    private final AtomicBoolean setUp = new AtomicBoolean();

    FirstRunFilter(Organization organization) {
        this.organization = organization;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/img/") || path.startsWith("/actuator/") || path.startsWith("/api/")
                || path.equals("/error") || path.equals("/language") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean done = isSetUp();
        boolean onSetup = "/setup".equals(path(request));
        if (!done && !onSetup) {
            response.sendRedirect(request.getContextPath() + "/setup");
            return;
        }
        if (done && onSetup) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private boolean isSetUp() {
        if (!setUp.get() && organization.hasOwner()) {
            setUp.set(true);
        }
        return setUp.get();
    }
}
