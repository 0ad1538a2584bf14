package org.ruleone.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ruleone.organization.Organization;
import org.ruleone.organization.ProfileSource;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.Formats;
import org.ruleone.training.RoleplaySessions;
import org.ruleone.training.RoleplaySessions.SessionScore;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The roleplay section of an associate's profile: how many sessions they played and watched for everyone who sees
 * the profile; their latest scores and a link to their progress only for those who may see it (ADR 0106).
 */
@Component
class TrainingProfile implements ProfileSource {

    static final int ORDER = 40;
    static final int LATEST = 3;

    private final RoleplaySessions sessions;
    private final Organization organization;
    private final MessageSource messages;

    TrainingProfile(RoleplaySessions sessions, Organization organization, MessageSource messages) {
        this.sessions = sessions;
        this.organization = organization;
        this.messages = messages;
    }

    @Override
    public List<ProfileSection> profile(long associateId, SignedInAssociate viewer, Locale locale) {
        RoleplaySessions.Counts counts = sessions.countsOf(associateId);
        boolean progress = organization.associate(associateId)
                .filter(a -> RoleplaySessions.maySeeProgress(a, viewer)).isPresent();
        if (counts.played() == 0 && counts.watched() == 0 && !progress) {
            return List.of();
        }
        Formats fmt = Formats.of(locale);
        List<Figure> figures = List.of(
                new Figure(text("training.profile.played", locale), fmt.number(counts.played())),
                new Figure(text("training.profile.watched", locale), fmt.number(counts.watched())));
        List<Line> lines = new ArrayList<>();
        if (progress) {
            List<SessionScore> scores = sessions.scoresOf(associateId);
            scores.subList(Math.max(0, scores.size() - LATEST), scores.size()).reversed().forEach(s ->
                    lines.add(new Line(s.scenarioTitle(), fmt.date(s.plannedOn()) + " · "
                            + (s.mean() == null ? text("training.progress.noScore", locale)
                            : text("training.progress.meanOf", locale, Progress.oneDecimal(s.mean(), fmt))),
                            "/training/sessions/" + s.sessionId())));
            lines.add(new Line(text("training.profile.progressLink", locale), null,
                    "/training/progress/" + associateId));
        }
        return List.of(new ProfileSection(ORDER, text("training.profile.title", locale), figures, lines));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
