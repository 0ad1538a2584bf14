package org.ruleone.telephony.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.service.CaseFact;
import org.ruleone.service.CaseFactsSource;
import org.ruleone.telephony.CallOutcome;
import org.ruleone.telephony.PhoneCall;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A case's phone calls on its page (when it rang, how it ended, how long it took to answer and how long it lasted),
 * and a link to log another one.
 */
@Component
@Order(20)
class CallFacts implements CaseFactsSource {

    private final CallRecords records;
    private final Organization organization;
    private final MessageSource messages;

    CallFacts(CallRecords records, Organization organization, MessageSource messages) {
        this.records = records;
        this.organization = organization;
        this.messages = messages;
    }

    @Override
    public List<CaseFact> facts(long caseId, Locale locale) {
        List<PhoneCall> calls = records.ofCase(caseId);
        CaseFact logOne = new CaseFact(messages.getMessage("calls.fact.phone", null, locale),
                messages.getMessage("calls.fact.logOne", null, locale), CaseFact.Tone.NORMAL,
                "/calls/new?case=" + caseId);
        if (calls.isEmpty()) {
            return List.of(logOne);
        }
        ZoneId zone = organization.store(calls.getFirst().storeId()).map(StoreSummary::timeZone)
                .orElse(ZoneId.of("UTC"));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        String label = messages.getMessage("calls.fact.label", null, locale);
        List<CaseFact> facts = new ArrayList<>();
        for (PhoneCall call : calls) {
            List<String> parts = new ArrayList<>();
            parts.add(when.format(call.ringingAt()));
            parts.add(messages.getMessage("calls.outcome." + call.outcome().name(), null, locale));
            if (call.rings() != null) {
                parts.add(messages.getMessage("calls.rings", new Object[] {call.rings()}, locale));
            }
            if (call.secondsToAnswer() != null) {
                parts.add(messages.getMessage("calls.fact.toAnswer", new Object[] {call.secondsToAnswer()}, locale));
            }
            if (call.durationSeconds() != null) {
                parts.add(messages.getMessage("calls.fact.duration", new Object[] {call.durationSeconds()}, locale));
            }
            CaseFact.Tone tone = call.outcome() == CallOutcome.ANSWERED ? CaseFact.Tone.NORMAL : CaseFact.Tone.WARNING;
            facts.add(new CaseFact(label, String.join(" · ", parts), tone, "/calls?store=" + call.storeId()));
        }
        facts.add(logOne);
        return facts;
    }
}
