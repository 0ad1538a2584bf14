package org.ruleone.recognition.internal;

import java.util.List;
import java.util.Locale;

import org.ruleone.customers.TimelineEntry;
import org.ruleone.customers.TimelineSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The heroics done for a client, on their timeline: who and what, never the internal comments (ADR 0104). */
@Component
class HeroicTimeline implements TimelineSource {

    private final HeroicRecords records;
    private final MessageSource messages;

    HeroicTimeline(HeroicRecords records, MessageSource messages) {
        this.records = records;
        this.messages = messages;
    }

    @Override
    public List<TimelineEntry> timeline(long customerId, int limit, Locale locale) {
        return records.ofCustomer(customerId, limit).stream()
                .map(h -> new TimelineEntry(h.reportedAt(), "recognition.timeline.heroic",
                        messages.getMessage("recognition.timeline.title", new Object[] {HeroicTexts.names(h.heroes())},
                                locale),
                        HeroicTexts.excerpt(h.what()), "/heroics/" + h.id()))
                .toList();
    }
}
