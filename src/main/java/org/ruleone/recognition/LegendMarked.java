package org.ruleone.recognition;

import java.time.Instant;

import org.ruleone.shared.Language;

/**
 * A legend entered the library: marked from a heroic ({@code heroicId} set) or written by the owner, with its title
 * in the language it was written in, who marked it and when.
 */
public record LegendMarked(long legendId, Long heroicId, String title, Language language, long markedBy,
                           Instant markedAt) {
}
