package org.ruleone.purchases.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.ApiClient;
import org.ruleone.platform.Idempotency;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/purchases} for tills and web shops. Send an {@code Idempotency-Key} header to retry safely: the
 * same key and body get the first response again; the same key with another body gets 422.
 */
@RestController
@RequestMapping("/api/purchases")
class PurchaseApiController {

    private static final int MAX_LINES = 1000;

    private final TillPurchases purchases;
    private final Organization organization;
    private final Idempotency idempotency;
    private final JsonMapper json;

    PurchaseApiController(TillPurchases purchases, Organization organization, Idempotency idempotency,
                          JsonMapper json) {
        this.purchases = purchases;
        this.organization = organization;
        this.idempotency = idempotency;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<String> record(@RequestBody String body,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                  @AuthenticationPrincipal ApiClient client) {
        Map<String, Object> request;
        try {
            request = json.readValue(body, Map.class);
        } catch (JacksonException | ClassCastException e) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not a JSON object.", List.of(error("body",
                    "must be a JSON object")));
        }
        List<Map<String, String>> errors = new ArrayList<>();
        Optional<TillPurchase> purchase = parse(request, errors);
        if (purchase.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, errors.getFirst().get("field") + ": "
                    + errors.getFirst().get("message"), errors);
        }
        if (!client.canTouchStore(purchase.get().storeId())) {
            return problem(HttpStatus.FORBIDDEN, "This API token may not write to store " + purchase.get().storeId()
                    + ".", List.of());
        }
        if (key == null) {
            return respond(new Idempotency.Outcome(work(purchase.get()), false));
        }
        if (key.isBlank() || key.length() > Idempotency.MAX_KEY_LENGTH) {
            return problem(HttpStatus.BAD_REQUEST, "Idempotency-Key: 1 to " + Idempotency.MAX_KEY_LENGTH
                    + " characters", List.of(error("Idempotency-Key", "1 to 255 characters")));
        }
        try {
            String fingerprint = Idempotency.fingerprint(json.writeValueAsString(purchase.get()));
            return respond(idempotency.once("purchases:token:" + client.tokenId(), key, fingerprint,
                    () -> work(purchase.get())));
        } catch (Idempotency.KeyReusedException e) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "This Idempotency-Key was first used with a different "
                    + "request body. Use a new key for a new purchase, or resend exactly the first body.", List.of());
        }
    }

    private Idempotency.Response work(TillPurchase purchase) {
        return purchases.record(purchase)
                .map(r -> {
                    Map<String, Object> created = new LinkedHashMap<>();
                    created.put("purchaseId", r.purchaseId());
                    created.put("storeId", r.storeId());
                    created.put("invoice", r.invoice());
                    created.put("customerId", r.customerId());
                    created.put("lines", r.lines());
                    created.put("total", r.total().toPlainString());
                    return new Idempotency.Response(HttpStatus.CREATED.value(), MediaType.APPLICATION_JSON_VALUE,
                            json.writeValueAsString(created));
                })
                .orElseGet(() -> problemResponse(HttpStatus.CONFLICT, "Invoice '" + purchase.invoice()
                        + "' is already recorded for store " + purchase.storeId() + ".", List.of()));
    }

    private Optional<TillPurchase> parse(Map<String, Object> request, List<Map<String, String>> errors) {
        Long storeId = request.get("storeId") instanceof Number n && n.longValue() == n.doubleValue()
                ? n.longValue() : null;
        Optional<StoreSummary> store = storeId == null ? Optional.empty() : organization.store(storeId);
        if (store.isEmpty()) {
            errors.add(error("storeId", "must be the id of an existing store"));
        }
        String invoice = text(request, "invoice");
        if (invoice == null || invoice.isBlank() || invoice.length() > 100) {
            errors.add(error("invoice", "must be 1 to 100 characters"));
        }
        Instant at = instant(request.get("date"), store.map(StoreSummary::timeZone).orElse(ZoneId.of("UTC")));
        if (at == null) {
            errors.add(error("date", "must be an ISO-8601 date-time, e.g. 2024-05-01T10:15:00+02:00"));
        }
        Object customer = request.get("customerId");
        String customerNumber = customer instanceof Number || customer instanceof String
                ? customer.toString().strip() : null;
        if (customer != null && (customerNumber == null || customerNumber.length() > 100)) {
            errors.add(error("customerId", "must be the POS customer number (text or number), or absent"));
        }
        List<TillPurchase.Line> lines = new ArrayList<>();
        if (!(request.get("lines") instanceof List<?> items) || items.isEmpty() || items.size() > MAX_LINES) {
            errors.add(error("lines", "must be a list of 1 to " + MAX_LINES + " lines"));
        } else {
            for (int i = 0; i < items.size(); i++) {
                line(items.get(i), "lines[" + i + "]", errors).ifPresent(lines::add);
            }
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TillPurchase(storeId, invoice.strip(), at,
                customerNumber == null || customerNumber.isEmpty() ? null : customerNumber,
                text(request, "country"), lines));
    }

    private static Optional<TillPurchase.Line> line(Object item, String path, List<Map<String, String>> errors) {
        if (!(item instanceof Map<?, ?> line)) {
            errors.add(error(path, "must be an object"));
            return Optional.empty();
        }
        int before = errors.size();
        Object quantity = line.get("quantity");
        if (!(quantity instanceof Integer)) {
            errors.add(error(path + ".quantity", "must be a whole number (negative for a return)"));
        }
        BigDecimal price = decimal(line.get("unitPrice"));
        if (price == null || price.scale() > 4 || price.abs().compareTo(new BigDecimal("9999999999")) >= 0) {
            errors.add(error(path + ".unitPrice", "must be a number with at most 4 decimals"));
        }
        String sku = line.get("sku") instanceof String s ? s : line.get("sku") == null ? "" : null;
        if (sku == null || sku.length() > 100) {
            errors.add(error(path + ".sku", "must be text of at most 100 characters"));
        }
        String description = line.get("description") instanceof String s ? s : line.get("description") == null
                ? "" : null;
        if (description == null || description.length() > 1000) {
            errors.add(error(path + ".description", "must be text of at most 1000 characters"));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new TillPurchase.Line(sku.strip(), description.strip(), (Integer) quantity, price));
    }

    private static BigDecimal decimal(Object value) {
        try {
            return switch (value) {
                case BigDecimal d -> d;
                case Double d -> new BigDecimal(d.toString());
                case Number n -> new BigDecimal(n.toString());
                case String s -> new BigDecimal(s.strip());
                case null, default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(Object value, ZoneId zone) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String text(Map<String, Object> request, String field) {
        return request.get(field) instanceof String s ? s : null;
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private ResponseEntity<String> problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        return respond(new Idempotency.Outcome(problemResponse(status, detail, errors), false));
    }

    private Idempotency.Response problemResponse(HttpStatus status, String detail, List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return new Idempotency.Response(status.value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                json.writeValueAsString(problem));
    }

    private static ResponseEntity<String> respond(Idempotency.Outcome outcome) {
        var builder = ResponseEntity.status(outcome.response().status())
                .contentType(MediaType.parseMediaType(outcome.response().contentType()));
        if (outcome.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(outcome.response().body());
    }
}
