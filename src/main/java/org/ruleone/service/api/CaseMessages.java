package org.ruleone.service.api;

import java.util.function.Supplier;

import org.ruleone.platform.ApiClient;
import org.ruleone.platform.JsonApi.Errors;
import org.ruleone.service.AuthorKind;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.ServiceCase;
import org.ruleone.service.api.CaseApiRequests.AddMessage;
import org.springframework.stereotype.Component;

import static org.ruleone.service.api.CaseApiInput.MAX_TEXT;
import static org.ruleone.service.api.CaseApiInput.blank;
import static org.ruleone.service.api.CaseApiInput.parse;

/** Adds what the customer wrote, or an associate's reply, to a case through the API. */
@Component
class CaseMessages {

    private final CaseDesk desk;
    private final CaseApiInput input;
    private final CaseAnswers answers;

    CaseMessages(CaseDesk desk, CaseApiInput input, CaseAnswers answers) {
        this.desk = desk;
        this.input = input;
        this.answers = answers;
    }

    /** Checks the request, then returns the work that adds the message and answers with the case. */
    Supplier<Object> prepare(long id, AddMessage r, ApiClient client) {
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
}
