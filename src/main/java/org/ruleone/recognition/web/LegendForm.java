package org.ruleone.recognition.web;

/** A legend the owner writes: title, story, lesson and the language they are written in. */
record LegendForm(String title, String story, String lesson, String language) {
}
