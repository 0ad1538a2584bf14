package org.ruleone.experience.web;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ruleone.experience.SurveyAnswerFeed;
import org.ruleone.platform.ApiClient;
import org.ruleone.platform.JsonApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/surveys/answers}: the survey answers, oldest first, a page at a time after the {@code next} cursor
 * of the page before. A store token sees only its store's answers.
 */
@RestController
@RequestMapping(path = "/api/surveys/answers", produces = {"application/json", "application/problem+json"})
@Tag(name = "Surveys", description = "Survey answers. Authenticate with 'Authorization: Bearer r1_…' (an owner "
        + "creates tokens under Settings); a store's token reads only that store.")
class SurveyAnswersApiController {

    static final int DEFAULT_PAGE = 100;

    private final SurveyAnswerFeed feed;
    private final JsonApi api;

    SurveyAnswersApiController(SurveyAnswerFeed feed, JsonApi api) {
        this.feed = feed;
        this.api = api;
    }

    /** One answer as the API shows it; times are ISO-8601 instants. */
    record AnswerJson(long id, long storeId, Long customerId, Long associateId,
                      @Schema(allowableValues = {"CASE_RESOLVED", "PURCHASE", "IN_STORE", "API", "IMPORT"})
                      String channel,
                      @Schema(description = "How likely to come back, 0–10") Integer comeBack,
                      @Schema(description = "1–5") Integer satisfaction, String comment,
                      @Schema(description = "False while the client is still answering") boolean complete,
                      String language, String answeredAt, Long caseId, String invoice, Long followUpCaseId,
                      @Schema(description = "The other tool's id of an imported answer") String externalId) {

        static AnswerJson of(SurveyAnswerFeed.Answer a) {
            return new AnswerJson(a.id(), a.storeId(), a.customerId(), a.associateId(), a.channel().name(),
                    a.comeBack(), a.satisfaction(), a.comment(), a.complete(), a.language(), a.answeredAt().toString(),
                    a.caseId(), a.invoice(), a.followUpCaseId(), a.externalId());
        }
    }

    /**
     * @param next    the cursor for the next page: send it as {@code since}; the same cursor again when nothing
     *                followed, so polling with it later picks up new answers
     * @param hasMore whether another page follows at once
     */
    record AnswerPage(List<AnswerJson> answers, String next, boolean hasMore) {
    }

    @GetMapping
    @Operation(operationId = "listSurveyAnswers", summary = "Survey answers after a cursor, oldest first")
    @ApiResponse(responseCode = "200", description = "A page of answers and the cursor of the next",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnswerPage.class)))
    @ApiResponse(responseCode = "400", description = "A cursor, size or store that is not one (problem detail)")
    @ApiResponse(responseCode = "403", description = "A store this token may not read (problem detail)")
    ResponseEntity<String> list(
            @Parameter(description = "The 'next' cursor of the page before; leave out for the first page")
            @RequestParam(required = false) String since,
            @Parameter(description = "Answers per page, 1 to " + SurveyAnswerFeed.MAX_PAGE + " (default "
                    + DEFAULT_PAGE + ")") @RequestParam(required = false) String size,
            @Parameter(description = "Only this store's answers (a store token reads its own store anyway)")
            @RequestParam(required = false) String storeId,
            @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client) {
        return api.get(() -> {
            long after = number("since", since, 0, Long.MAX_VALUE, 0,
                    "must be the 'next' cursor of an earlier page");
            int pageSize = (int) number("size", size, 1, SurveyAnswerFeed.MAX_PAGE, DEFAULT_PAGE,
                    "must be a whole number from 1 to " + SurveyAnswerFeed.MAX_PAGE);
            Optional<Long> store = storeId == null || storeId.isBlank() ? Optional.empty()
                    : Optional.of(number("storeId", storeId, 1, Long.MAX_VALUE, 0, "must be a store's id"));
            if (store.isPresent() && !client.canTouchStore(store.get())) {
                throw new JsonApi.Problem(HttpStatus.FORBIDDEN, "This API token may not read store " + store.get()
                        + ".");
            }
            SurveyAnswerFeed.Page page = feed.after(after, store.or(client::storeId), pageSize);
            String next = page.answers().isEmpty() ? String.valueOf(after)
                    : String.valueOf(page.answers().getLast().id());
            return new AnswerPage(page.answers().stream().map(AnswerJson::of).toList(), next, page.more());
        });
    }

    private static long number(String field, String text, long min, long max, long absent, String message) {
        if (text == null) {
            return absent;
        }
        String value = text.strip();
        try {
            if (value.matches("\\d{1,19}")) {
                long n = Long.parseLong(value);
                if (n >= min && n <= max) {
                    return n;
                }
            }
        } catch (NumberFormatException e) {
            // beyond a long: refused below like any other wrong value
        }
        JsonApi.Errors errors = new JsonApi.Errors();
        errors.add(field, message);
        errors.throwIfAny();
        return absent;
    }
}
