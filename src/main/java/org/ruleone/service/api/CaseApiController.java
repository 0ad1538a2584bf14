package org.ruleone.service.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ClientSummary;
import org.ruleone.organization.Organization;
import org.ruleone.platform.ApiClient;
import org.ruleone.service.AuthorKind;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.service.Resolution;
import org.ruleone.service.ResolutionDetails;
import org.ruleone.service.ResolutionKind;
import org.ruleone.service.ServiceCase;
import org.ruleone.platform.JsonApi;
import org.ruleone.platform.JsonApi.Errors;
import org.ruleone.platform.JsonApi.Problem;
import org.ruleone.service.api.CaseApiRequests.AddMessage;
import org.ruleone.service.api.CaseApiRequests.ClientRef;
import org.ruleone.service.api.CaseApiRequests.Details;
import org.ruleone.service.api.CaseApiRequests.OpenCase;
import org.ruleone.service.api.CaseApiRequests.Resolve;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases for integrations (a web shop's contact form, a chat, a CRM): open a case, add the customer's messages and
 * associates' replies, resolve it. A store token sees only its store's cases: any other case is 404.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = {"application/json", "application/problem+json"})
@Tag(name = "Cases", description = "Service cases. Authenticate with 'Authorization: Bearer r1_…' (an owner "
        + "creates tokens under Settings). Every POST needs an Idempotency-Key header: the same key and body get "
        + "the first answer again (with 'Idempotent-Replayed: true'), the same key with another body gets 422.")
class CaseApiController {

    static final int MAX_TEXT = 20_000;
    static final String IDEMPOTENCY = "Unique per request (e.g. a UUID), at most 255 characters; resend it unchanged "
            + "when retrying";

    private final CaseDesk desk;
    private final ClientBook clients;
    private final Organization organization;
    private final JsonApi api;

    CaseApiController(CaseDesk desk, ClientBook clients, Organization organization, JsonApi api) {
        this.desk = desk;
        this.clients = clients;
        this.organization = organization;
        this.api = api;
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "openCase", summary = "Open a case for a client found by id, e-mail or phone "
            + "(added when absent)")
    @ApiResponse(responseCode = "201", description = "The case is open")
    @ApiResponse(responseCode = "400", description = "Bad input (problem detail)")
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    ResponseEntity<String> open(@Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true, description = IDEMPOTENCY)
                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = OpenCase.class)))
                    @RequestBody(required = false) String body,
                                @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client) {
        return api.post("cases-api", client, key, "POST /api/cases", body, OpenCase.class, HttpStatus.CREATED, r -> prepareOpen(r, client));
    }

    private Supplier<Object> prepareOpen(OpenCase r, ApiClient client) {
        Errors errors = new Errors();
        Long store = client.storeId().orElse(r.storeId());
        if (store == null) {
            errors.add("storeId", "required with a chain-wide token");
        } else if (r.storeId() != null && !client.canTouchStore(r.storeId())) {
            throw new Problem(HttpStatus.NOT_FOUND, "No store " + r.storeId() + ".");
        }
        Channel channel = r.channel() == null ? Channel.WEB_FORM : parse(Channel.class, r.channel(), "channel", errors);
        checkAssociate(client, r.ownerId(), "ownerId", errors);
        ClientRef ref = r.client();
        if (ref == null || (ref.id() == null && blank(ref.email()) && blank(ref.phone()))) {
            errors.add("client", "give the client's id, e-mail or phone");
        } else if (ref.language() != null && Language.fromCode(ref.language()).isEmpty()) {
            errors.add("client.language", "one of en, fr, pl");
        }
        if (ref != null && !blank(ref.email()) && (ref.email().length() > 320 || !ref.email().contains("@"))) {
            errors.add("client.email", "must be an e-mail address");
        }
        if (ref != null && !blank(ref.phone()) && ref.phone().length() > 50) {
            errors.add("client.phone", "at most 50 characters");
        }
        if (r.subject() != null && r.subject().length() > 500) {
            errors.add("subject", "at most 500 characters");
        }
        if (r.message() != null && r.message().length() > MAX_TEXT) {
            errors.add("message", "at most " + MAX_TEXT + " characters");
        }
        errors.throwIfAny();
        // A store token's store exists (the token references it); only a store named in the body is looked up.
        if (client.storeId().isEmpty() && organization.store(store).isEmpty()) {
            throw new Problem(HttpStatus.NOT_FOUND, "No store " + store + ".");
        }
        return () -> {
            boolean[] created = {false};
            long customer = ref.id() != null ? ref.id() : findOrAdd(store, ref, created);
            long caseId;
            try {
                caseId = desk.open(new CaseDraft(store, customer, r.ownerId(), channel, r.subject(), null,
                        r.message()), Optional.of(store));
            } catch (IllegalArgumentException e) {
                if (ref.id() != null && clients.client(ref.id(), Optional.of(store)).isEmpty()) {
                    throw new Problem(HttpStatus.NOT_FOUND, "No client " + ref.id() + " in store " + store + ".");
                }
                throw e;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("caseId", caseId);
            answer.put("storeId", store);
            answer.put("customerId", customer);
            answer.put("customerCreated", created[0]);
            answer.put("status", "OPEN");
            return answer;
        };
    }

    /** The store's client with this e-mail (or else phone), or a new one. */
    private long findOrAdd(long store, ClientRef ref, boolean[] created) {
        if (!blank(ref.email())) {
            Optional<Long> found = clients.search(ref.email().strip(), Optional.of(store)).stream()
                    .filter(c -> c.storeId() == store && ref.email().strip().equalsIgnoreCase(c.email()))
                    .map(ClientSummary::id).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (!blank(ref.phone())) {
            String wanted = digits(ref.phone());
            if (wanted.length() >= 7) {
                Optional<Long> found = clients.search(wanted.substring(wanted.length() - 7), Optional.of(store))
                        .stream()
                        .filter(c -> c.storeId() == store && sameLine(wanted, digits(c.phone())))
                        .map(ClientSummary::id).min(Long::compare);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        created[0] = true;
        Language language = ref.language() == null ? null : Language.fromCode(ref.language()).orElse(null);
        return clients.add(new ClientDraft(store, null, text(ref.firstName()), text(ref.lastName()),
                blank(ref.email()) ? null : ref.email().strip(), blank(ref.phone()) ? null : ref.phone().strip(),
                null, language == null ? organization.store(store).map(s -> s.language()).orElse(Language.EN)
                : language, "", List.of(), List.of(), "", null));
    }

    @PostMapping(path = "/{id}/messages", consumes = "application/json")
    @Operation(operationId = "addCaseMessage", summary = "Add what the customer wrote, or an associate's reply")
    @ApiResponse(responseCode = "201", description = "The message is on the case")
    @ApiResponse(responseCode = "404", description = "No such case for this token")
    @ApiResponse(responseCode = "409", description = "A reply to a resolved case")
    ResponseEntity<String> message(@PathVariable long id,
                                   @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true, description = IDEMPOTENCY)
                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                   @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = AddMessage.class)))
                    @RequestBody(required = false) String body,
                                   @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client) {
        return api.post("cases-api", client, key, "POST /api/cases/" + id + "/messages", body, AddMessage.class,
                HttpStatus.CREATED, r -> {
                    Errors errors = new Errors();
                    AuthorKind from = parse(AuthorKind.class, r.from(), "from", errors);
                    if (blank(r.body()) || r.body().length() > MAX_TEXT) {
                        errors.add("body", "1 to " + MAX_TEXT + " characters");
                    }
                    if (from == AuthorKind.ASSOCIATE && r.associateId() == null) {
                        errors.add("associateId", "required for a reply");
                    } else if (from == AuthorKind.ASSOCIATE) {
                        checkAssociate(client, r.associateId(), "associateId", errors);
                    }
                    errors.throwIfAny();
                    return () -> {
                        ServiceCase found = find(id, client);
                        if (from == AuthorKind.CUSTOMER) {
                            desk.customerWrote(found.id(), r.body());
                        } else {
                            desk.reply(found.id(), client.storeId(), r.associateId(), r.body(),
                                    Boolean.TRUE.equals(r.waitForCustomer()));
                        }
                        return caseAnswer(find(id, client));
                    };
                });
    }

    @PostMapping(path = "/{id}/resolution", consumes = "application/json")
    @Operation(operationId = "resolveCase", summary = "Resolve a case: kind, cost, currency, judgment and details")
    @ApiResponse(responseCode = "200", description = "The case is resolved")
    @ApiResponse(responseCode = "404", description = "No such case for this token")
    @ApiResponse(responseCode = "409", description = "The case is already resolved")
    ResponseEntity<String> resolve(@PathVariable long id,
                                   @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true, description = IDEMPOTENCY)
                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                   @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = Resolve.class)))
                    @RequestBody(required = false) String body,
                                   @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client) {
        return api.post("cases-api", client, key, "POST /api/cases/" + id + "/resolution", body, Resolve.class, HttpStatus.OK,
                r -> {
                    Errors errors = new Errors();
                    checkAssociate(client, r.associateId(), "associateId", errors);
                    errors.throwIfAny();
                    Resolution resolution = resolution(r);
                    return () -> {
                        ServiceCase found = find(id, client);
                        desk.resolve(found.id(), client.storeId(), r.associateId(), resolution, r.judgment());
                        return caseAnswer(find(id, client));
                    };
                });
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCase", summary = "A case with its messages (internal notes left out)")
    @ApiResponse(responseCode = "200", description = "The case")
    @ApiResponse(responseCode = "404", description = "No such case for this token")
    ResponseEntity<String> get(@PathVariable long id,
                               @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client) {
        return api.get(() -> {
            ServiceCase found = find(id, client);
            Map<String, Object> answer = caseAnswer(found);
            answer.put("channel", found.channel().name());
            answer.put("subject", found.subject());
            answer.put("language", found.language().code());
            answer.put("openedAt", found.openedAt().toString());
            answer.put("messages", found.messages().stream().filter(m -> !m.internal()).map(m -> {
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("from", m.author().name());
                message.put("associateId", m.associateId());
                message.put("body", m.body());
                message.put("at", m.createdAt().toString());
                return message;
            }).toList());
            return answer;
        });
    }

    private Resolution resolution(Resolve r) {
        Errors errors = new Errors();
        ResolutionKind kind = parse(ResolutionKind.class, r.kind(), "kind", errors);
        if (r.associateId() == null) {
            errors.add("associateId", "required: the associate who resolves it");
        }
        if (r.cost() == null || r.cost().signum() < 0 || r.cost().compareTo(new BigDecimal("9999999999")) > 0) {
            errors.add("cost", "a number of zero or more");
        }
        if (!Money.isCurrency(r.currency())) {
            errors.add("currency", "an ISO 4217 code such as EUR");
        }
        if (blank(r.judgment()) || r.judgment().length() > 2000) {
            errors.add("judgment", "one sentence (1 to 2000 characters): why this helps the customer");
        }
        errors.throwIfAny();
        Details d = r.details() == null ? new Details(null, null, null, null, null, null) : r.details();
        try {
            ResolutionDetails details = switch (kind) {
                case REFUND -> new ResolutionDetails.Refund(Boolean.TRUE.equals(d.goodsNeverSold()));
                case REPLACEMENT_SHIPPED -> new ResolutionDetails.Replacement(d.carrier(), d.tracking());
                case ALTERATION -> new ResolutionDetails.Alteration(d.promisedAt(),
                        org.ruleone.service.AlterationStatus.ORDERED);
                case AFTER_HOURS_VISIT -> new ResolutionDetails.Visit(d.visitAt());
                case LOST_AND_FOUND -> new ResolutionDetails.FoundItem(d.item(), null);
                case EXCHANGE, GOODWILL, LIFETIME_GUARANTEE, ANSWERED -> new ResolutionDetails.None();
            };
            return new Resolution(kind, Money.of(r.cost(), r.currency()), details);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add("details", e instanceof NullPointerException ? "incomplete for a " + kind
                    : JsonApi.plain(e.getMessage(), "incomplete or wrong for a " + kind));
            errors.throwIfAny();
            throw e;
        }
    }

    /**
     * A store token speaks for its own store's associates only, not for another store's nor the owner's; a
     * chain-wide token may name anyone the desk accepts for the case's store.
     */
    private void checkAssociate(ApiClient client, Long associateId, String field, Errors errors) {
        if (associateId == null || client.storeId().isEmpty()) {
            return;
        }
        long store = client.storeId().get();
        if (organization.associate(associateId).filter(a -> a.storeId() != null && a.storeId() == store).isEmpty()) {
            errors.add(field, "must be an associate of this token's store");
        }
    }

    private ServiceCase find(long id, ApiClient client) {
        return desk.find(id, client.storeId())
                .orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "No case " + id + "."));
    }

    private static Map<String, Object> caseAnswer(ServiceCase c) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("caseId", c.id());
        answer.put("storeId", c.storeId());
        answer.put("customerId", c.customerId());
        answer.put("status", c.status().name());
        return answer;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Errors errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    static String digits(String number) {
        return number == null ? "" : number.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
    }

    static boolean sameLine(String a, String b) {
        return a.length() >= 7 && b.length() >= 7 && (a.equals(b) || a.endsWith(b) || b.endsWith(a));
    }
}
