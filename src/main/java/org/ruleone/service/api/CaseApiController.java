package org.ruleone.service.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ruleone.platform.ApiClient;
import org.ruleone.platform.JsonApi;
import org.ruleone.service.api.CaseApiRequests.AddMessage;
import org.ruleone.service.api.CaseApiRequests.OpenCase;
import org.ruleone.service.api.CaseApiRequests.Resolve;
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
 * associates' replies, resolve it. A store token sees only its store's cases: any other case is 404. This class maps
 * requests and describes them in the OpenAPI document; {@link CaseOpening} and {@link CaseChanges} check them and
 * do the work, {@link CaseAnswers} writes the answers.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = {"application/json", "application/problem+json"})
@Tag(name = "Cases", description = "Service cases. Authenticate with 'Authorization: Bearer r1_…' (an owner "
        + "creates tokens under Settings). Every POST needs an Idempotency-Key header: the same key and body get "
        + "the first answer again (with 'Idempotent-Replayed: true'), the same key with another body gets 422.")
class CaseApiController {

    static final String IDEMPOTENCY = "Unique per request (e.g. a UUID), at most 255 characters; resend it unchanged "
            + "when retrying";

    private final CaseOpening opening;
    private final CaseChanges changes;
    private final CaseAnswers answers;
    private final JsonApi api;

    CaseApiController(CaseOpening opening, CaseChanges changes, CaseAnswers answers, JsonApi api) {
        this.opening = opening;
        this.changes = changes;
        this.answers = answers;
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
        return api.post("cases-api", client, key, "POST /api/cases", body, OpenCase.class, HttpStatus.CREATED,
                r -> opening.prepare(r, client));
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
                HttpStatus.CREATED, r -> changes.addMessage(id, r, client));
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
        return api.post("cases-api", client, key, "POST /api/cases/" + id + "/resolution", body, Resolve.class,
                HttpStatus.OK, r -> changes.resolve(id, r, client));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCase", summary = "A case with its messages (internal notes left out)")
    @ApiResponse(responseCode = "200", description = "The case")
    @ApiResponse(responseCode = "404", description = "No such case for this token")
    ResponseEntity<String> get(@PathVariable long id,
                               @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client) {
        return api.get(() -> answers.withMessages(answers.find(id, client)));
    }
}
