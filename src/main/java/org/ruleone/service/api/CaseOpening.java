package org.ruleone.service.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.ruleone.customers.ClientBook;
import org.ruleone.organization.Organization;
import org.ruleone.platform.ApiClient;
import org.ruleone.platform.JsonApi.Errors;
import org.ruleone.platform.JsonApi.Problem;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.service.api.CaseApiRequests.ClientRef;
import org.ruleone.service.api.CaseApiRequests.OpenCase;
import org.ruleone.shared.Language;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import static org.ruleone.service.api.CaseApiInput.MAX_TEXT;
import static org.ruleone.service.api.CaseApiInput.blank;
import static org.ruleone.service.api.CaseApiInput.parse;

/**
 * Opens a case through the API for a client given by id, or found or added by e-mail or phone as every channel does
 * ({@link ClientBook#findOrAdd}).
 */
@Component
class CaseOpening {

    private final CaseDesk desk;
    private final ClientBook clients;
    private final Organization organization;
    private final CaseApiInput input;

    CaseOpening(CaseDesk desk, ClientBook clients, Organization organization, CaseApiInput input) {
        this.desk = desk;
        this.clients = clients;
        this.organization = organization;
        this.input = input;
    }

    /** Checks the request, then returns the work that opens the case and answers with its ids. */
    Supplier<Object> prepare(OpenCase r, ApiClient client) {
        Errors errors = new Errors();
        Long store = client.storeId().orElse(r.storeId());
        if (store == null) {
            errors.add("storeId", "required with a chain-wide token");
        } else if (r.storeId() != null && !client.canTouchStore(r.storeId())) {
            throw new Problem(HttpStatus.NOT_FOUND, "No store " + r.storeId() + ".");
        }
        Channel channel = r.channel() == null ? Channel.WEB_FORM : parse(Channel.class, r.channel(), "channel", errors);
        input.checkAssociate(client, r.ownerId(), "ownerId", errors);
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
        return () -> open(r, store, channel);
    }

    private Map<String, Object> open(OpenCase r, long store, Channel channel) {
        ClientRef ref = r.client();
        ClientBook.FoundClient customer = ref.id() != null ? new ClientBook.FoundClient(ref.id(), false)
                : clients.findOrAdd(store, new ClientBook.Contact(blank(ref.email()) ? null : ref.email(),
                        blank(ref.phone()) ? null : ref.phone()), ref.firstName(), ref.lastName(),
                        ref.language() == null ? null : Language.fromCode(ref.language()).orElse(null));
        long caseId;
        try {
            caseId = desk.open(new CaseDraft(store, customer.clientId(), r.ownerId(), channel, r.subject(), null,
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
        answer.put("customerId", customer.clientId());
        answer.put("customerCreated", customer.created());
        answer.put("status", "OPEN");
        return answer;
    }
}
