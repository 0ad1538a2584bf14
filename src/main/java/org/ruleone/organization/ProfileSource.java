package org.ruleone.organization;

import java.util.List;
import java.util.Locale;

/**
 * Implemented by modules that have something to show on an associate's profile page (heroics received and given,
 * legends, training sessions...), so the page can show them without organization depending on those modules.
 */
public interface ProfileSource {

    /**
     * What this module shows about the associate to this viewer, already in the viewer's language; empty when
     * nothing. The viewer may see the associate's profile (the caller checked); the source still leaves out what
     * this viewer may not see (another store's internal comments, others' feedback).
     */
    List<ProfileSection> profile(long associateId, SignedInAssociate viewer, Locale locale);

    /** A titled block of the profile: figures first, then lines each with an optional same-site link. */
    record ProfileSection(int order, String title, List<Figure> figures, List<Line> lines) {

        public ProfileSection {
            figures = List.copyOf(figures);
            lines = List.copyOf(lines);
        }
    }

    /** A labelled figure ("Heroics received", "12"). */
    record Figure(String label, String value) {
    }

    /** A line of text (user data, escaped when rendered), with an optional secondary text and link. */
    record Line(String text, String detail, String link) {
    }
}
