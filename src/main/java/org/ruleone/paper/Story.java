package org.ruleone.paper;

import java.util.List;

/**
 * One story to print, every word already in the reader's language.
 *
 * @param title       the headline
 * @param byline      a small grey line under it (who, when), may be empty
 * @param paragraphs  the story; each entry a paragraph, wrapped to the page
 * @param lessonLabel "The lesson" in the reader's language
 * @param lesson      what the story teaches, printed beside a bar under it; may be empty
 */
public record Story(String title, String byline, List<String> paragraphs, String lessonLabel, String lesson) {

    public Story {
        paragraphs = List.copyOf(paragraphs);
    }
}
