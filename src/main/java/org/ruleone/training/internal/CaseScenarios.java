package org.ruleone.training.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.AuthorKind;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseMessage;
import org.ruleone.service.ServiceCase;
import org.ruleone.training.ScenarioDraft;
import org.ruleone.training.ScenarioOrigin;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A scenario prefilled from a real case the manager may see: its subject and the messages the customer saw (never
 * the internal notes), with the client's identity taken out (ADR 0106). The manager then edits it before saving.
 */
@Component
public class CaseScenarios {

    private final CaseDesk desk;
    private final ClientBook book;
    private final MessageSource messages;
    private final DefaultRubric rubric;

    CaseScenarios(CaseDesk desk, ClientBook book, MessageSource messages, DefaultRubric rubric) {
        this.desk = desk;
        this.book = book;
        this.messages = messages;
        this.rubric = rubric;
    }

    public Optional<ScenarioDraft> draft(long caseId, SignedInAssociate me, Locale reader) {
        if (!me.isManagerOrOwner()) {
            return Optional.empty();
        }
        return desk.find(caseId, me.storeScope()).map(found -> draft(found, me, reader));
    }

    private ScenarioDraft draft(ServiceCase found, SignedInAssociate me, Locale reader) {
        Locale caseLanguage = Locale.forLanguageTag(found.language().code());
        IdentityRemoval.Identity who = book.client(found.customerId(), me.storeScope())
                .map(CaseScenarios::identity)
                .orElse(new IdentityRemoval.Identity("", "", "", "", List.of()));
        IdentityRemoval.Replacements with = new IdentityRemoval.Replacements(
                text("training.anonymous.customer", caseLanguage), text("training.anonymous.email", caseLanguage),
                text("training.anonymous.phone", caseLanguage), text("training.anonymous.address", caseLanguage));
        List<CaseMessage> seen = found.messages().stream().filter(m -> !m.internal()).toList();
        String transcript = seen.stream()
                .map(m -> text(m.author() == AuthorKind.CUSTOMER ? "training.fromCase.customerSaid"
                        : "training.fromCase.weSaid", caseLanguage) + " " + m.body().strip())
                .collect(Collectors.joining("\n\n"));
        String customerPart = seen.stream().filter(m -> m.author() == AuthorKind.CUSTOMER)
                .map(m -> m.body().strip()).collect(Collectors.joining("\n\n"));
        String subject = IdentityRemoval.remove(found.subject(), who, with);
        return new ScenarioDraft(truncate(subject, ScenarioDraft.MAX_TITLE),
                truncate(IdentityRemoval.remove(subject + "\n\n" + transcript, who, with), ScenarioDraft.MAX_TEXT),
                truncate(IdentityRemoval.remove(customerPart, who, with), ScenarioDraft.MAX_TEXT), "",
                ScenarioOrigin.CASE, found.id(), rubric.criteria(reader));
    }

    private static IdentityRemoval.Identity identity(Client c) {
        return new IdentityRemoval.Identity(c.firstName(), c.lastName(), c.email(), c.phone(),
                List.of(c.address().line1(), c.address().line2(), c.address().postalCode()));
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
