package org.ruleone.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON request of a token-authenticated API (cases, telephony): reads the body, checks it, runs the work once per
 * {@code Idempotency-Key}
 * and answers with the result or an RFC 9457 problem detail. Only successful answers are stored for replay; a
 * refused request changes nothing and may be sent again with the same key once corrected.
 */
@Component
public class JsonApi {

    /** A request refused with a problem detail; thrown before or during the work (which is then rolled back). */
    public static class Problem extends RuntimeException {
        public final HttpStatus status;
        public final List<Map<String, String>> errors;

        public Problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
            super(detail);
            this.status = status;
            this.errors = errors;
        }

        public Problem(HttpStatus status, String detail) {
            this(status, detail, List.of());
        }

        public static Problem invalid(List<Map<String, String>> errors) {
            return new Problem(HttpStatus.BAD_REQUEST, errors.getFirst().get("field") + ": "
                    + errors.getFirst().get("message"), errors);
        }
    }

    /** Collects what is wrong with a request, field by field. */
    public static final class Errors {
        private final List<Map<String, String>> list = new ArrayList<>();

        public void add(String field, String message) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", field);
            error.put("message", message);
            list.add(error);
        }

        public void throwIfAny() {
            if (!list.isEmpty()) {
                throw Problem.invalid(list);
            }
        }
    }

    /** A request that carries its own unique id, used as the key when no Idempotency-Key header is sent. */
    public interface NaturallyKeyed {
        String naturalKey();
    }

    /** Checks a parsed request and returns the work to do for it; throws {@link Problem} when it is refused. */
    public interface Handler<T> {
        Supplier<Object> prepare(T request);
    }

    private final Idempotency idempotency;
    private final JsonMapper json;

    JsonApi(Idempotency idempotency, JsonMapper json) {
        this.idempotency = idempotency;
        this.json = json;
    }

    /**
     * @param api       the API's name, e.g. {@code "cases-api"}: keys are remembered per API and token
     * @param operation e.g. {@code "POST /api/cases/12/messages"}: part of the request's fingerprint, so a key
     *                  reused on another operation is refused
     * @param created   the status of a successful answer
     */
    public <T> ResponseEntity<String> post(String api, ApiClient client, String key, String operation, String body, Class<T> type,
                                    HttpStatus created, Handler<T> handler) {
        try {
            T request = read(body, type);
            if ((key == null || key.isBlank()) && request instanceof NaturallyKeyed keyed && keyed.naturalKey() != null) {
                key = keyed.naturalKey();
            }
            if (key == null || key.isBlank() || key.length() > Idempotency.MAX_KEY_LENGTH) {
                Errors errors = new Errors();
                errors.add("Idempotency-Key", "send a header of 1 to " + Idempotency.MAX_KEY_LENGTH
                        + " characters, unique per request (e.g. a UUID); resend it unchanged on a retry");
                errors.throwIfAny();
            }
            Supplier<Object> work = handler.prepare(request);
            String fingerprint = Idempotency.fingerprint(operation + "\n" + json.writeValueAsString(request));
            Idempotency.Outcome outcome = idempotency.once(api + ":token:" + client.tokenId(), key, fingerprint,
                    () -> new Idempotency.Response(created.value(), MediaType.APPLICATION_JSON_VALUE,
                            json.writeValueAsString(work.get())));
            return respond(outcome.response(), outcome.replayed());
        } catch (Problem p) {
            return problem(p.status, p.getMessage(), p.errors);
        } catch (Idempotency.KeyReusedException e) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "This Idempotency-Key was first used with a different "
                    + "request. Use a new key for a new request, or resend exactly the first one.", List.of());
        } catch (OptimisticLockingFailureException e) {
            return problem(HttpStatus.CONFLICT, "Someone changed this case at the same moment; send the request "
                    + "again.", List.of());
        } catch (IllegalStateException e) {
            return problem(HttpStatus.CONFLICT, plain(e.getMessage(), "The case is not in a state that allows "
                    + "this."), List.of());
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, plain(e.getMessage(), "The request names something that does "
                    + "not exist or is not allowed."), List.of());
        }
    }

    /** Answers a read with a JSON body, or the problem it threw. */
    public ResponseEntity<String> get(Supplier<Object> read) {
        try {
            return respond(new Idempotency.Response(200, MediaType.APPLICATION_JSON_VALUE,
                    json.writeValueAsString(read.get())), false);
        } catch (Problem p) {
            return problem(p.status, p.getMessage(), p.errors);
        }
    }

    private <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new Problem(HttpStatus.BAD_REQUEST, "The body must be a JSON object.");
        }
        try {
            T request = json.readValue(body, type);
            if (request == null) {
                throw new Problem(HttpStatus.BAD_REQUEST, "The body must be a JSON object.");
            }
            return request;
        } catch (JacksonException e) {
            // Jackson's own message names Java types and classes: the answer says what is wrong in plain words.
            Errors errors = new Errors();
            if (e instanceof UnrecognizedPropertyException) {
                errors.add(field(e), "is not a field of this request");
            } else if (e instanceof MismatchedInputException) {
                errors.add(field(e), "has the wrong type");
            } else {
                errors.add(field(e), "is not valid JSON");
            }
            throw Problem.invalid(errors.list);
        }
    }

    private static String field(JacksonException e) {
        String path = e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
        return path.isEmpty() ? "body" : path;
    }

    /**
     * A message fit for an API client: the domain's own sentences pass; one that names a Java class or exception (a
     * library's message) is replaced by the fallback.
     */
    public static String plain(String message, String fallback) {
        return message == null || message.isBlank() || INTERNAL.matcher(message).find() ? fallback : message;
    }

    private static final java.util.regex.Pattern INTERNAL = java.util.regex.Pattern.compile(
            "\\b(?:java|javax|jakarta|org|com|tools|sun)\\.[a-z]|Exception|\\$|\\bat [a-z]+\\.|because \"");

    public ResponseEntity<String> problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.writeValueAsString(problem));
    }

    private static ResponseEntity<String> respond(Idempotency.Response response, boolean replayed) {
        var builder = ResponseEntity.status(response.status())
                .contentType(MediaType.parseMediaType(response.contentType()));
        if (replayed) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(response.body());
    }
}
