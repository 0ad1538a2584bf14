package org.ruleone.clienteling;

import java.util.List;
import java.util.Locale;

/**
 * Implemented by modules that have something to tell an associate on their home screen ("You were recognised"), so
 * the home shows it without clienteling depending on those modules. Shown only to the associate themself.
 */
public interface HomeNotices {

    /** What to tell this associate now, already in their language; empty when nothing. */
    List<HomeNotice> notices(long associateId, Locale locale);

    /** A titled block of the home screen with lines, each with an optional same-site link. */
    record HomeNotice(String title, List<Line> lines) {

        public HomeNotice {
            lines = List.copyOf(lines);
        }
    }

    /** A line of text (user data, escaped when rendered), a secondary text and an optional same-site link. */
    record Line(String text, String detail, String link) {
    }
}
