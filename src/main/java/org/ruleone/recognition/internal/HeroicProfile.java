package org.ruleone.recognition.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ruleone.organization.ProfileSource;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.recognition.Legend;
import org.ruleone.recognition.Legends;
import org.ruleone.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An associate's heroics on their profile: how many they received and gave and the legends made of theirs, then the
 * latest heroics received and given and the legends. Heroics are public within the chain; no comments here.
 */
@Component
class HeroicProfile implements ProfileSource {

    static final int ORDER = 30;
    static final int LINES = 10;

    private final HeroicRecords records;
    private final Legends legends;
    private final MessageSource messages;

    HeroicProfile(HeroicRecords records, Legends legends, MessageSource messages) {
        this.records = records;
        this.legends = legends;
        this.messages = messages;
    }

    @Override
    public List<ProfileSection> profile(long associateId, SignedInAssociate viewer, Locale locale) {
        int[] counts = records.counts(associateId);
        List<Legend> theirs = legends.ofHero(associateId, Language.of(locale));
        if (counts[0] == 0 && counts[1] == 0 && theirs.isEmpty()) {
            return List.of();
        }
        List<Figure> figures = List.of(
                new Figure(msg("recognition.profile.received", locale), String.valueOf(counts[0])),
                new Figure(msg("recognition.profile.given", locale), String.valueOf(counts[1])),
                new Figure(msg("recognition.profile.legends", locale), String.valueOf(theirs.size())));
        List<Line> lines = new ArrayList<>();
        for (Legend legend : theirs.subList(0, Math.min(LINES, theirs.size()))) {
            lines.add(new Line(legend.title(), msg("recognition.profile.legend", locale), "/legends/" + legend.id()));
        }
        for (HeroicRecords.HeroicRow h : records.received(associateId, java.time.Instant.EPOCH, LINES)) {
            lines.add(new Line(HeroicTexts.excerpt(h.what()),
                    msg("recognition.profile.from", locale, h.reporterName()), "/heroics/" + h.id()));
        }
        for (HeroicRecords.HeroicRow h : records.given(associateId, LINES)) {
            lines.add(new Line(HeroicTexts.excerpt(h.what()),
                    msg("recognition.profile.to", locale, HeroicTexts.names(h.heroes())), "/heroics/" + h.id()));
        }
        return List.of(new ProfileSection(ORDER, msg("recognition.profile.title", locale), figures, lines));
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
