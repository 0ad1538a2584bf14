package org.ruleone.service.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Formats;
import org.ruleone.service.CaseFact;
import org.ruleone.service.CaseFactsSource;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On a case's page: the found item its customer got back. */
@Component
@Order(100)
class LostAndFoundFacts implements CaseFactsSource {

    private final LostAndFound lostAndFound;
    private final Organization organization;
    private final MessageSource messages;

    LostAndFoundFacts(LostAndFound lostAndFound, Organization organization, MessageSource messages) {
        this.lostAndFound = lostAndFound;
        this.organization = organization;
        this.messages = messages;
    }

    @Override
    public List<CaseFact> facts(long caseId, Locale locale) {
        return lostAndFound.claimedBy(caseId).map(item -> {
            ZoneId zone = organization.store(item.storeId()).map(StoreSummary::timeZone).orElse(ZoneId.of("UTC"));
            String when = Formats.of(locale).dateTime(item.foundAt(), zone);
            return List.of(new CaseFact(messages.getMessage("lostfound.fact.label", null, locale),
                    messages.getMessage("lostfound.fact.value", new Object[] {item.what(), when}, locale),
                    CaseFact.Tone.GOOD));
        }).orElse(List.of());
    }
}
