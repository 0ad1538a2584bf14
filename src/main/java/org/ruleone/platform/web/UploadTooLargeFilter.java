package org.ruleone.platform.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A file upload larger than {@code spring.servlet.multipart.max-request-size} sends the person back to the page
 * they uploaded from, which then says the limit ({@code ?refused=TOO_LARGE}). It answers from the declared length,
 * before anything reads the body: past the limit, Tomcat refuses to parse the parameters, so the CSRF check would
 * fail the request with an error page; and the rest of the body is drained (up to
 * {@code server.tomcat.max-swallow-size}) so that the browser reads the answer instead of a reset connection. Only
 * the path of the {@code Referer} is used, so the answer never leads to another site.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class UploadTooLargeFilter extends OncePerRequestFilter {

    private final long maxBytes;

    UploadTooLargeFilter(@Value("${spring.servlet.multipart.max-request-size:100MB}") DataSize maxRequestSize) {
        this.maxBytes = maxRequestSize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (maxBytes < 0 || request.getContentLengthLong() <= maxBytes || type == null
                || !type.toLowerCase().startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        String target = UriComponentsBuilder.fromPath(pageOf(request.getHeader(HttpHeaders.REFERER)))
                .queryParam("refused", "TOO_LARGE").build().toUriString();
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_OK);
        } else {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader(HttpHeaders.LOCATION, target);
        }
    }

    static String pageOf(String referer) {
        try {
            String path = referer == null ? null : URI.create(referer).getRawPath();
            return path != null && path.startsWith("/") && !path.startsWith("//") ? path : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
