package org.ruleone.recognition.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.ruleone.clienteling.HomeNotices;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** "You were recognised" on the hero's home screen: the heroics reported about them in the last 30 days. */
@Component
class HeroicHome implements HomeNotices {

    static final Duration RECENT = Duration.ofDays(30);
    static final int SHOWN = 5;

    private final HeroicRecords records;
    private final MessageSource messages;
    private final Clock clock;

    HeroicHome(HeroicRecords records, MessageSource messages, Clock clock) {
        this.records = records;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<HomeNotice> notices(long associateId, Locale locale) {
        List<HeroicRecords.HeroicRow> received = records.received(associateId, clock.instant().minus(RECENT), SHOWN);
        if (received.isEmpty()) {
            return List.of();
        }
        return List.of(new HomeNotice(messages.getMessage("recognition.home.title", null, locale),
                received.stream().map(h -> new Line(
                        messages.getMessage("recognition.home.line", new Object[] {h.reporterName()}, locale),
                        HeroicTexts.excerpt(h.what()), "/heroics/" + h.id())).toList()));
    }
}
