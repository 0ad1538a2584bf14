package org.ruleone.experience.api;

import java.util.LinkedHashMap;
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
import org.ruleone.experience.SurveyInvitations;
import org.ruleone.experience.api.InvitationRequests.ClientRef;
import org.ruleone.experience.api.InvitationRequests.InviteClient;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.platform.ApiClient;
import org.ruleone.platform.JsonApi;
import org.ruleone.platform.JsonApi.Errors;
import org.ruleone.platform.JsonApi.Problem;
import org.ruleone.shared.Language;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/surveys/invitations}: a web shop asks a client for a survey and gets its link. The client is found
 * or added as every channel does ({@link ClientBook#findOrAdd}); a store token invites only for its store.
 */
@RestController
@RequestMapping(path = "/api/surveys", produces = {"application/json", "application/problem+json"})
@Tag(name = "Surveys", description = "Customer surveys. Authenticate with 'Authorization: Bearer r1_…'. Every POST "
        + "needs an Idempotency-Key header: the same key and body get the first answer again (with "
        + "'Idempotent-Replayed: true'), the same key with another body gets 422.")
class SurveyApiController {

    private static final String IDEMPOTENCY = "Unique per request (e.g. a UUID), at most 255 characters; resend it "
            + "unchanged when retrying";

    private final SurveyInvitations invitations;
    private final ClientBook clients;
    private final Organization organization;
    private final JsonApi api;

    SurveyApiController(SurveyInvitations invitations, ClientBook clients, Organization organization, JsonApi api) {
        this.invitations = invitations;
        this.clients = clients;
        this.organization = organization;
        this.api = api;
    }

    @PostMapping(path = "/invitations", consumes = "application/json")
    @Operation(operationId = "inviteToSurvey", summary = "Ask a client for a survey and get its link (the client "
            + "is added when absent)")
    @ApiResponse(responseCode = "201", description = "The invitation: status SENT with surveyUrl, or SKIPPED with "
            + "skippedReason (OPTED_OUT, COOLDOWN) and no link")
    @ApiResponse(responseCode = "400", description = "Bad input (problem detail)")
    @ApiResponse(responseCode = "403", description = "A store token naming another store")
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    ResponseEntity<String> invite(@Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
                                          description = IDEMPOTENCY)
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                          content = @Content(mediaType = "application/json",
                                                  schema = @Schema(implementation = InviteClient.class)))
                                  @RequestBody(required = false) String body,
                                  @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client) {
        return api.post("surveys-api", client, key, "POST /api/surveys/invitations", body, InviteClient.class,
                HttpStatus.CREATED, r -> prepare(r, client));
    }

    private Supplier<Object> prepare(InviteClient r, ApiClient token) {
        if (r.storeId() != null && !token.canTouchStore(r.storeId())) {
            throw new Problem(HttpStatus.FORBIDDEN, "This API token may not invite for store " + r.storeId() + ".");
        }
        Errors errors = new Errors();
        Long store = token.storeId().orElse(r.storeId());
        if (store == null) {
            errors.add("storeId", "required with a chain-wide token");
        }
        ClientRef ref = r.client();
        if (ref == null || (ref.id() == null && blank(ref.email()) && blank(ref.phone()))) {
            errors.add("client", "give the client's id, e-mail or phone");
        } else {
            if (ref.language() != null && Language.fromCode(ref.language()).isEmpty()) {
                errors.add("client.language", "one of en, fr, pl");
            }
            if (!blank(ref.email()) && (ref.email().length() > 320 || !ref.email().contains("@"))) {
                errors.add("client.email", "must be an e-mail address");
            }
            if (!blank(ref.phone()) && ref.phone().length() > 50) {
                errors.add("client.phone", "at most 50 characters");
            }
        }
        if (r.invoice() != null && r.invoice().length() > 100) {
            errors.add("invoice", "at most 100 characters");
        }
        errors.throwIfAny();
        if (organization.store(store).isEmpty()) {
            throw new Problem(HttpStatus.NOT_FOUND, "No store " + store + ".");
        }
        if (r.associateId() != null) {
            Optional<AssociateSummary> who = organization.associate(r.associateId());
            boolean serves = who.map(a -> token.storeId().isPresent() ? a.mayActAsOneOf(store) : a.mayActIn(store))
                    .orElse(false);
            if (!serves) {
                errors.add("associateId", "must be an active associate of store " + store);
                errors.throwIfAny();
            }
        }
        return () -> invite(r, store);
    }

    private Map<String, Object> invite(InviteClient r, long store) {
        ClientRef ref = r.client();
        ClientBook.FoundClient found = ref.id() != null ? new ClientBook.FoundClient(ref.id(), false)
                : clients.findOrAdd(store, new ClientBook.Contact(blank(ref.email()) ? null : ref.email(),
                        blank(ref.phone()) ? null : ref.phone()), ref.firstName(), ref.lastName(),
                        ref.language() == null ? null : Language.fromCode(ref.language()).orElse(null));
        Client customer = clients.client(found.clientId(), Optional.of(store))
                .orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "No client " + ref.id() + " in store " + store
                        + "."));
        SurveyInvitations.Invited invited = invitations.invite(store, customer.id(), r.associateId(),
                blank(r.invoice()) ? null : r.invoice().strip(), customer.language());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("invitationId", invited.invitationId());
        answer.put("storeId", store);
        answer.put("customerId", customer.id());
        answer.put("customerCreated", found.created());
        answer.put("status", invited.status());
        answer.put("skippedReason", invited.skippedReason());
        answer.put("surveyUrl", invited.surveyUrl());
        answer.put("expiresAt", invited.expiresAt() == null ? null : invited.expiresAt().toString());
        return answer;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
