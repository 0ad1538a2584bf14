package org.ruleone.recognition;

import org.ruleone.shared.Language;

/**
 * A story of the legend library, in the language it is shown in: the viewer's for a seeded founding story, the
 * language it was written in for any other (ADR 0105).
 *
 * @param heroicId the heroic it was marked from, or {@code null} for a story written or seeded as a legend
 */
public record Legend(long id, String title, String story, String lesson, Language language, Long heroicId) {
}
