package org.ruleone.platform.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer to any request that failed because the database could not be reached: 503 at once, with a
 * problem detail for API clients and a short page in the visitor's language for browsers. Conflicts between
 * writers (optimistic locking, deadlocks) are not outages and are left to their own handlers. See ADR 0075.
 */
final class DatabaseOutage {

    static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseOutage() {
    }

    /** True when the failure, or anything it was caused by, says the database is away. */
    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException // includes CannotGetJdbcConnectionException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01–57P03 (server shutting down or starting). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    static void answer(HttpServletRequest request, HttpServletResponse response, MessageSource messages)
            throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding("UTF-8");
        if (wantsJson(request)) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("""
                    {"type":"about:blank","title":"Service Unavailable","status":503,\
                    "detail":"The database cannot be reached at the moment. Try again shortly."}""");
        } else {
            Locale locale = LanguageConfiguration.defaultLocale(request);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("""
                    <!DOCTYPE html>
                    <html lang="%s"><head><meta charset="utf-8"><title>%s</title>
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <link rel="stylesheet" href="/css/app.css"></head>
                    <body><main class="narrow"><h1>%s</h1><p>%s</p><p><a class="button" href="">%s</a></p></main></body></html>
                    """.formatted(locale.getLanguage(), text(messages, "outage.title", locale),
                    text(messages, "outage.title", locale), text(messages, "outage.explanation", locale),
                    text(messages, "outage.retry", locale)));
        }
        response.flushBuffer();
    }

    /** API paths, and clients that ask for JSON without asking for HTML (browsers always ask for HTML). */
    private static boolean wantsJson(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            var types = MediaType.parseMediaTypes(accept);
            return types.stream().noneMatch(t -> t.getSubtype().equals("html"))
                    && types.stream().anyMatch(t -> t.getSubtype().equals("json") || t.getSubtype().endsWith("+json"));
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static String text(MessageSource messages, String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, key, locale), "UTF-8");
    }
}
