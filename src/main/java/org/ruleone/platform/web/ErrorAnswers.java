package org.ruleone.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.ruleone.platform.JsonApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.ModelAndView;

/**
 * How errors are answered. Every error of the token-authenticated API ({@code /api/**}) is an RFC 9457 problem
 * detail that names no internal class and carries no stack trace. A screen given a value that is not a number
 * where a number belongs (a store id typed into the address, a tampered form) gets a 400 page that says so.
 * Everything else goes on to the usual handling (security, error pages); so do database failures, which have
 * their own answer.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorAnswers {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    private final JsonApi api;

    ErrorAnswers(JsonApi api) {
        this.api = api;
    }

    /**
     * A record form whose constructor cannot be called (a text where a number belongs, e.g. {@code storeId=abc})
     * would reach its controller as null beside its errors, and the controller or the page fail with a 500: the
     * request is refused while binding instead. A JavaBean form keeps its field errors, shown on the form.
     */
    @InitBinder
    void refuseUnboundForms(WebDataBinder binder) {
        binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {
            @Override
            public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
                if (binder.getTarget() == null && ex instanceof TypeMismatchException mismatch) {
                    throw mismatch;
                }
                super.processPropertyAccessException(ex, result);
            }
        });
    }

    /** A value of the wrong type in the address, a parameter or a form, or a body that cannot be read. */
    @ExceptionHandler({TypeMismatchException.class, BindException.class, HttpMessageNotReadableException.class,
            MissingRequestValueException.class, ServletRequestBindingException.class})
    Object badInput(Exception ex, HttpServletRequest request) {
        if (isApi(request)) {
            return api.problem(HttpStatus.BAD_REQUEST, "A value has the wrong type or is missing, or the body is "
                    + "not valid JSON.", List.of());
        }
        ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        page.addObject("status", HttpStatus.BAD_REQUEST.value());
        page.addObject("error", HttpStatus.BAD_REQUEST.getReasonPhrase());
        page.addObject("badInput", ex instanceof TypeMismatchException || (ex instanceof BindException bound
                && bound.getAllErrors().stream().anyMatch(e -> "typeMismatch".equals(e.getCode()))));
        return page;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> other(Exception ex, HttpServletRequest request) throws Exception {
        if (!isApi(request) || ex instanceof AccessDeniedException || ex instanceof AuthenticationException
                || ex instanceof DataAccessException || ex instanceof TransactionException) {
            throw ex;
        }
        HttpStatusCode code = ex instanceof ErrorResponse known ? known.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null || status.is5xxServerError()) {
            log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ResponseEntity<String> answer = api.problem(status, detail(status), List.of());
        if (ex instanceof ErrorResponse known && !known.getHeaders().isEmpty()) {
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .headers(known.getHeaders()).body(answer.getBody());
        }
        return answer;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method; the Allow header lists those it "
                    + "takes.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case NOT_ACCEPTABLE -> "This address answers in application/json.";
            case INTERNAL_SERVER_ERROR -> "Something went wrong on our side. Try again later.";
            default -> status.getReasonPhrase() + ".";
        };
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }
}
