package org.ruleone.experience;

import java.util.List;

/**
 * The start of a file of past survey results, for the mapping screen: how it was read and what the import guessed.
 *
 * @param suggested the encoding and separator detected, the columns guessed from the header, the date format that
 *                  reads the date column's first values (empty when none does) and the scales its scores suggest
 */
public record SurveyFilePreview(List<String> header, List<List<String>> rows, SurveyImportMapping suggested) {
}
