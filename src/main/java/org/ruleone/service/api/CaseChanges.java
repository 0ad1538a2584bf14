package org.ruleone.service.api;

import java.math.BigDecimal;
import java.util.function.Supplier;

import org.ruleone.platform.ApiClient;
import org.ruleone.platform.JsonApi;
import org.ruleone.platform.JsonApi.Errors;
import org.ruleone.service.AlterationStatus;
import org.ruleone.service.AuthorKind;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.Resolution;
import org.ruleone.service.ResolutionDetails;
import org.ruleone.service.ResolutionKind;
import org.ruleone.service.ServiceCase;
import org.ruleone.service.api.CaseApiRequests.AddMessage;
import org.ruleone.service.api.CaseApiRequests.Details;
import org.ruleone.service.api.CaseApiRequests.Resolve;
import org.ruleone.shared.Money;
import org.springframework.stereotype.Component;

import static org.ruleone.service.api.CaseApiInput.MAX_TEXT;
import static org.ruleone.service.api.CaseApiInput.blank;
import static org.ruleone.service.api.CaseApiInput.parse;

/**
 * Changes an open case through the API: adds what the customer wrote or an associate's reply, or resolves it with
 * the resolution the request describes. Each checks its request, then returns the work that changes the case.
 */
@Component
class CaseChanges {

    private final CaseDesk desk;
    private final CaseApiInput input;
    private final CaseAnswers answers;

    CaseChanges(CaseDesk desk, CaseApiInput input, CaseAnswers answers) {
        this.desk = desk;
        this.input = input;
        this.answers = answers;
    }

    /** Checks the request, then returns the work that adds the message and answers with the case. */
    Supplier<Object> addMessage(long id, AddMessage r, ApiClient client) {
        Errors errors = new Errors();
        AuthorKind from = parse(AuthorKind.class, r.from(), "from", errors);
        if (blank(r.body()) || r.body().length() > MAX_TEXT) {
            errors.add("body", "1 to " + MAX_TEXT + " characters");
        }
        if (from == AuthorKind.ASSOCIATE && r.associateId() == null) {
            errors.add("associateId", "required for a reply");
        } else if (from == AuthorKind.ASSOCIATE) {
            input.checkAssociate(client, r.associateId(), "associateId", errors);
        }
        errors.throwIfAny();
        return () -> {
            ServiceCase found = answers.find(id, client);
            if (from == AuthorKind.CUSTOMER) {
                desk.customerWrote(found.id(), r.body());
            } else {
                desk.reply(found.id(), client.storeId(), r.associateId(), r.body(),
                        Boolean.TRUE.equals(r.waitForCustomer()));
            }
            return answers.brief(answers.find(id, client));
        };
    }

    /** Checks the request, then returns the work that resolves the case and answers with it. */
    Supplier<Object> resolve(long id, Resolve r, ApiClient client) {
        Errors errors = new Errors();
        input.checkAssociate(client, r.associateId(), "associateId", errors);
        errors.throwIfAny();
        Resolution resolution = resolution(r);
        return () -> {
            ServiceCase found = answers.find(id, client);
            desk.resolve(found.id(), client.storeId(), r.associateId(), resolution, r.judgment());
            return answers.brief(answers.find(id, client));
        };
    }

    private static Resolution resolution(Resolve r) {
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
                case ALTERATION -> new ResolutionDetails.Alteration(d.promisedAt(), AlterationStatus.ORDERED);
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
}
