package org.ruleone.telephony.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ruleone.organization.Organization;
import org.ruleone.platform.ApiClient;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.ServiceCase;
import org.ruleone.telephony.CallDraft;
import org.ruleone.telephony.CallOutcome;
import org.ruleone.telephony.CallSource;
import org.ruleone.telephony.PhoneCalls;
import org.ruleone.telephony.web.CallRequests.CaseCall;
import org.ruleone.telephony.web.CallRequests.ReportedCall;
import org.ruleone.platform.JsonApi;
import org.ruleone.platform.JsonApi.Errors;
import org.ruleone.platform.JsonApi.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calls through the API: the store telephony's webhook, and a call logged on a case by an integration. Both record
 * the same calls as the phone screen and publish {@code CallLogged}.
 */
@RestController
@Tag(name = "Calls", description = "Phone calls. The webhook needs a token of one store.")
class TelephonyApiController {

    static final String IDEMPOTENCY = "Unique per request (e.g. a UUID), at most 255 characters; resend it unchanged "
            + "when retrying";

    private final PhoneCalls calls;
    private final CaseDesk cases;
    private final JsonApi api;
    private final Organization organization;

    TelephonyApiController(PhoneCalls calls, CaseDesk cases, JsonApi api, Organization organization) {
        this.organization = organization;
        this.calls = calls;
        this.cases = cases;
        this.api = api;
    }

    @PostMapping(path = "/api/telephony/calls", consumes = "application/json",
            produces = {"application/json", "application/problem+json"})
    @Operation(operationId = "reportCall", summary = "Webhook: the store's telephony reports a call")
    @ApiResponse(responseCode = "201", description = "The call is recorded")
    @ApiResponse(responseCode = "403", description = "The token is not a single store's")
    ResponseEntity<String> report(
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", description = IDEMPOTENCY
                    + "; without it, the body's callId is the key")
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = ReportedCall.class)))
            @RequestBody(required = false) String body,
            @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client) {
        if (client.storeId().isEmpty()) {
            return api.problem(HttpStatus.FORBIDDEN, "The telephony webhook needs a token of one store; an owner "
                    + "creates one under Settings → API tokens.", java.util.List.of());
        }
        long store = client.storeId().get();
        return api.post("telephony-api", client, key, "POST /api/telephony/calls", body, ReportedCall.class, HttpStatus.CREATED, r -> {
            Errors errors = new Errors();
            if (r.callerNumber() == null || r.callerNumber().length() > 50) {
                errors.add("callerNumber", "the caller's number, at most 50 characters (empty when withheld)");
            }
            checkAssociate(client, r.associateId(), errors);
            CallDraft draft = draft(store, null, r.callerNumber(), r.ringingAt(), r.outcome(), r.rings(),
                    r.secondsToAnswer(), r.durationSeconds(), r.associateId(), null, CallSource.TELEPHONY, errors);
            return () -> answer(calls.report(draft, Optional.of(store)));
        });
    }

    @PostMapping(path = "/api/cases/{id}/calls", consumes = "application/json",
            produces = {"application/json", "application/problem+json"})
    @Operation(operationId = "logCaseCall", summary = "Log a call on a case", tags = "Cases")
    @ApiResponse(responseCode = "201", description = "The call is on the case")
    @ApiResponse(responseCode = "404", description = "No such case for this token")
    ResponseEntity<String> logOnCase(
            @PathVariable long id,
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true, description = IDEMPOTENCY)
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = CaseCall.class)))
            @RequestBody(required = false) String body,
            @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client) {
        return api.post("telephony-api", client, key, "POST /api/cases/" + id + "/calls", body, CaseCall.class, HttpStatus.CREATED,
                r -> {
                    ServiceCase serviceCase = cases.find(id, client.storeId())
                            .orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "No case " + id + "."));
                    Errors errors = new Errors();
                    if (r.callerNumber() != null && r.callerNumber().length() > 50) {
                        errors.add("callerNumber", "at most 50 characters");
                    }
                    checkAssociate(client, r.associateId(), errors);
                    CallDraft draft = draft(serviceCase.storeId(), serviceCase.customerId(), r.callerNumber(),
                            r.ringingAt(), r.outcome(), r.rings(), r.secondsToAnswer(), r.durationSeconds(),
                            r.associateId(), serviceCase.id(), CallSource.API, errors);
                    return () -> answer(calls.log(draft, client.storeId()));
                });
    }

    /** A store token names its own store's associates only; a chain-wide token anyone of the case's store. */
    private void checkAssociate(ApiClient client, Long associateId, Errors errors) {
        if (associateId == null || client.storeId().isEmpty()) {
            return;
        }
        long store = client.storeId().get();
        if (organization.associate(associateId).filter(a -> a.mayActAsOneOf(store)).isEmpty()) {
            errors.add("associateId", "must be an associate of this token's store");
        }
    }

    private static CallDraft draft(long store, Long customer, String number, java.time.Instant ringingAt,
                                   String outcomeText, Integer rings, Integer toAnswer, Integer duration,
                                   Long associate, Long caseId, CallSource source, Errors errors) {
        if (ringingAt == null) {
            errors.add("ringingAt", "when it started ringing, ISO-8601 with an offset, e.g. 2026-11-22T10:15:00Z");
        }
        CallOutcome outcome = null;
        try {
            outcome = CallOutcome.valueOf(outcomeText == null ? "" : outcomeText.strip());
        } catch (IllegalArgumentException e) {
            errors.add("outcome", "one of ANSWERED, MISSED, VOICEMAIL, ABANDONED");
        }
        if (rings != null && rings < 0) {
            errors.add("rings", "zero or more");
        }
        if (toAnswer != null && (toAnswer < 0 || (outcome != null && outcome != CallOutcome.ANSWERED))) {
            errors.add("secondsToAnswer", "zero or more, and only for an answered call");
        }
        if (duration != null && duration < 0) {
            errors.add("durationSeconds", "zero or more");
        }
        errors.throwIfAny();
        return new CallDraft(store, customer, number, associate, ringingAt, rings, toAnswer, outcome, duration,
                caseId, source, null);
    }

    private static Map<String, Object> answer(PhoneCalls.Logged logged) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("callId", logged.callId());
        answer.put("customerId", logged.customerId());
        answer.put("caseId", logged.caseId());
        return answer;
    }
}
