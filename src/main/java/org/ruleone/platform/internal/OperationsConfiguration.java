package org.ruleone.platform.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * What operations and the edges of every request need: metrics for the owner or a scraper holding the metrics
 * token, 503 at once when the database is away, and redirects that never repeat the request's {@code Host}.
 * See ADR 0075.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    /** Before the session and security filters, which may be the first to need the database. */
    private static final int OUTERMOST = Ordered.HIGHEST_PRECEDENCE + 10;

    /**
     * Metrics name routes, paths and the JVM: an owner signed in, or a scraper sending
     * {@code Authorization: Bearer <RULEONE_METRICS_TOKEN>}. Anonymous gets 401, anyone else 403.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, @Value("${ruleone.metrics-token:}") String token) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> owner = AuthorityAuthorizationManager.hasRole("OWNER");
        return http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(a -> a.anyRequest().access(AuthorizationManagers.anyOf(bearer(token), owner)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable()) // read-only GET
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> bearer(String token) {
        byte[] expected = sha256(token);
        return (authentication, context) -> {
            String header = context.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
            boolean match = !token.isBlank() && header != null && header.startsWith("Bearer ")
                    && MessageDigest.isEqual(expected, sha256(header.substring("Bearer ".length()).strip()));
            return new AuthorizationDecision(match);
        };
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Failures outside Spring MVC: the session, the security filters (tokens, throttle), views. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter(MessageSource messages) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | IOException | RuntimeException e) {
                    if (response.isCommitted() || !DatabaseOutage.causedBy(e)) {
                        throw e;
                    }
                    DatabaseOutage.answer(request, response, messages);
                }
            }
        });
        registration.setOrder(OUTERMOST);
        registration.setName("databaseOutageFilter");
        return registration;
    }

    /** Failures in controllers, before any catch-all exception handler turns them into a 500. */
    @Bean
    HandlerExceptionResolver databaseOutageResolver(MessageSource messages) {
        record Resolver(MessageSource messages) implements HandlerExceptionResolver, Ordered {
            @Override
            public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                                                 Object handler, Exception failure) {
                if (response.isCommitted() || !DatabaseOutage.causedBy(failure)) {
                    return null;
                }
                try {
                    DatabaseOutage.answer(request, response, messages);
                } catch (IOException e) {
                    return null;
                }
                return new ModelAndView();
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE + 1; // after Boot's error-attributes recorder, before the rest
            }
        }
        return new Resolver(messages);
    }

    /**
     * Spring Security builds absolute redirects (to the sign-in page, back to the saved request) from the request's
     * {@code Host} header, which a client chooses. Redirects to this server are sent relative instead (Tomcat keeps
     * them so: {@code server.tomcat.use-relative-redirects}); redirects elsewhere are left alone.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> relativeRedirectFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request, new HttpServletResponseWrapper(response) {
                    @Override
                    public void sendRedirect(String location) throws IOException {
                        super.sendRedirect(relative(request, location));
                    }

                    @Override
                    public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
                        super.sendRedirect(relative(request, location), status, clearBuffer);
                    }

                    @Override
                    public void setHeader(String name, String value) {
                        super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? relative(request, value) : value);
                    }

                    @Override
                    public void addHeader(String name, String value) {
                        super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? relative(request, value) : value);
                    }
                });
            }
        });
        registration.setOrder(OUTERMOST + 1);
        registration.setName("relativeRedirectFilter");
        return registration;
    }

    static String relative(HttpServletRequest request, String location) {
        if (location == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException notAUri) {
            return location;
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null
                || !uri.getHost().equalsIgnoreCase(request.getServerName())) {
            return location;
        }
        // "//other.example/…" would be read as another host: one leading slash only.
        String path = "/" + (uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/+", ""));
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }
}
