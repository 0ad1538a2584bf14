package org.ruleone.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.ruleone.platform.ApiTokens;
import org.ruleone.platform.AuditLog;
import org.ruleone.platform.SessionCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * bcrypt, and every stored hash names its algorithm so it can be upgraded later. Its cost is 10 (Spring's
     * default) unless {@code ruleone.passwords.bcrypt-strength} says otherwise: an operator raises it as machines get
     * faster, and the tests lower it to 4 (application-test.properties), where a hash is made for every person a test
     * creates. A hash keeps the cost it was made with, so hashes of either cost are checked alike.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${ruleone.passwords.bcrypt-strength:10}") int strength) {
        PasswordEncoder everyKnownAlgorithm = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        if (strength == DEFAULT_BCRYPT_STRENGTH) {
            return new At72Bytes(everyKnownAlgorithm);
        }
        DelegatingPasswordEncoder bcrypt = new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
        bcrypt.setDefaultPasswordEncoderForMatches(everyKnownAlgorithm);
        return new At72Bytes(bcrypt);
    }

    static final int DEFAULT_BCRYPT_STRENGTH = 10;

    /**
     * bcrypt reads only the first 72 bytes of a password: a longer one could never have been set, so it is
     * wrong at sign-in rather than cut (which would let a stored password sign in with any ending).
     */
    record At72Bytes(PasswordEncoder bcrypt) implements PasswordEncoder {

        static final int MAX_BYTES = 72;

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return raw != null && raw.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES
                    && bcrypt.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return bcrypt.upgradeEncoding(encoded);
        }
    }

    /** Stylesheets, scripts, images and the health check: the same bytes for everyone, no session needed. */
    static final String[] ASSETS = {"/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/actuator/health", "/actuator/health/**"};

    /**
     * Spring MVC looks for flash attributes in the session on every request it dispatches, and the security filters
     * load the signed-in person from it: for {@link #ASSETS}, inside the session filter, the request says it has no
     * session, so nothing is read from the database (several reads per page otherwise; issue 16).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> assetsWithoutSession() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> assets = Arrays.stream(ASSETS).<RequestMatcher>map(paths::matcher).toList();
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return assets.stream().noneMatch(m -> m.matches(request));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                chain.doFilter(new HttpServletRequestWrapper(request) {
                    @Override
                    public HttpSession getSession(boolean create) {
                        return create ? super.getSession(true) : null;
                    }
                }, response);
            }
        });
        // just inside Spring Session's filter, which wraps the request with the database-backed session
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.setName("assetsWithoutSession");
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // token-authenticated, no cookies: nothing for CSRF to ride on
                .exceptionHandling(e -> e.authenticationEntryPoint(ApiTokenFilter::unauthorized))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuditLog audit, LoginThrottle throttle,
                            ObjectProvider<SessionCheck> sessionChecks) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/login", "/setup", "/language", "/error", "/public/**").permitAll()
                        .requestMatchers("/contact/**").permitAll() // mailroom: stores' public contact forms
                        .requestMatchers("/survey/**").permitAll() // experience: clients' surveys, stores' QR pages
                        .requestMatchers("/mystery/**").permitAll() // experience: mystery shoppers' reports
                        .requestMatchers("/actuator/health/**").permitAll() // metrics: OperationsConfiguration
                        .anyRequest().authenticated())
                // RFC 8058: a mail program's one-click unsubscribe POST carries no CSRF token (signed link instead).
                .csrf(c -> c.ignoringRequestMatchers("/public/unsubscribe/**"))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionCheckFilter(sessionChecks.orderedStream().toList()), SecurityContextHolderFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny())
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")))
                .build();
    }
}
