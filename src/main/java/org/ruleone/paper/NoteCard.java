package org.ruleone.paper;

/**
 * One card: who it is for, the suggested first sentence in their language, and who signs it.
 *
 * @param heading a small line at the top, usually the store's name
 */
public record NoteCard(String clientName, String openingLine, String signature, String heading) {
}
