package org.ruleone.service.api;

import java.math.BigDecimal;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON bodies the cases API reads; they also describe it in the OpenAPI document. */
final class CaseApiRequests {

    private CaseApiRequests() {
    }

    @Schema(description = "Who the case is for: an existing client by id, or by e-mail or phone (a client is "
            + "added to the store when none has it; then firstName, lastName and language are used).")
    record ClientRef(Long id, String email, String phone, String firstName, String lastName,
                     @Schema(allowableValues = {"en", "fr", "pl"}) String language) {
    }

    @Schema(description = "Opens a case.")
    record OpenCase(@Schema(description = "Required with a chain-wide token; a store token opens cases in its "
                            + "store") Long storeId,
                    ClientRef client,
                    @Schema(allowableValues = {"IN_STORE", "PHONE", "EMAIL", "WEB_FORM"},
                            defaultValue = "WEB_FORM") String channel,
                    String subject,
                    @Schema(description = "What the customer wrote, recorded as the first message") String message,
                    @Schema(description = "The associate who owns the case, if any") Long ownerId) {
    }

    @Schema(description = "Adds what the customer wrote, or an associate's reply (sent to the customer).")
    record AddMessage(@Schema(allowableValues = {"CUSTOMER", "ASSOCIATE"}, requiredMode = Schema.RequiredMode.REQUIRED)
                      String from,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String body,
                      @Schema(description = "Required for a reply") Long associateId,
                      @Schema(description = "A reply that waits for the customer's answer") Boolean waitForCustomer) {
    }

    @Schema(description = "Resolves a case at once, with no approval.")
    record Resolve(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long associateId,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"REFUND", "EXCHANGE",
                           "REPLACEMENT_SHIPPED", "GOODWILL", "ALTERATION", "AFTER_HOURS_VISIT",
                           "LIFETIME_GUARANTEE", "LOST_AND_FOUND", "ANSWERED"}) String kind,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "25.00") BigDecimal cost,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR") String currency,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                           description = "One sentence: why this helps the customer") String judgment,
                   Details details) {
    }

    @Schema(description = "What the kind records: REFUND goodsNeverSold; REPLACEMENT_SHIPPED carrier and tracking; "
            + "ALTERATION promisedAt; AFTER_HOURS_VISIT visitAt; LOST_AND_FOUND item.")
    record Details(Boolean goodsNeverSold, String carrier, String tracking, Instant promisedAt, Instant visitAt,
                   String item) {
    }
}
