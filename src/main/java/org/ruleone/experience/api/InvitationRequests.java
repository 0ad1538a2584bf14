package org.ruleone.experience.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON bodies of the survey API, as the OpenAPI document shows them. */
final class InvitationRequests {

    private InvitationRequests() {
    }

    @Schema(description = "Asks one client for a survey and returns its link (unless the client opted out of "
            + "surveys or was asked within the store's cooldown).")
    record InviteClient(@Schema(description = "Required with a chain-wide token; a store token invites for its store")
                        Long storeId,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ClientRef client,
                        @Schema(description = "The associate who served the client, credited with the answer; "
                                + "absent: the store") Long associateId,
                        @Schema(description = "The order or invoice the survey follows") String invoice) {
    }

    @Schema(description = "The client, by id, or found or added by e-mail or phone in the store.")
    record ClientRef(Long id, String email, String phone, String firstName, String lastName,
                     @Schema(allowableValues = {"en", "fr", "pl"},
                             description = "For a client added now; absent: the store's language") String language) {
    }
}
