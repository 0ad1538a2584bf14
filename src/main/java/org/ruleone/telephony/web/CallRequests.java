package org.ruleone.telephony.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON bodies of the telephony API; they also describe it in the OpenAPI document. */
final class CallRequests {

    private CallRequests() {
    }

    @Schema(description = "A call on a case.")
    record CaseCall(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-22T10:15:00Z")
                    Instant ringingAt,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                            allowableValues = {"ANSWERED", "MISSED", "VOICEMAIL", "ABANDONED"}) String outcome,
                    Integer rings,
                    @Schema(description = "Only for an answered call") Integer secondsToAnswer,
                    Integer durationSeconds,
                    @Schema(description = "Who answered") Long associateId,
                    String callerNumber) {
    }

    @Schema(description = "A call reported by the store's telephony. The client is found by the caller's number "
            + "(or left unknown) and the call joins that client's open case, if any.")
    record ReportedCall(@Schema(description = "The telephony's own id of the call; used as the idempotency key "
                                + "when no Idempotency-Key header is sent") String callId,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String callerNumber,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-22T10:15:00Z")
                        Instant ringingAt,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                allowableValues = {"ANSWERED", "MISSED", "VOICEMAIL", "ABANDONED"}) String outcome,
                        Integer rings,
                        Integer secondsToAnswer,
                        Integer durationSeconds,
                        Long associateId) implements org.ruleone.platform.JsonApi.NaturallyKeyed {

        @Override
        public String naturalKey() {
            return callId == null || callId.isBlank() ? null : "call:" + callId.strip();
        }
    }
}
