package org.ruleone.experience;

import java.util.EnumMap;
import java.util.Map;

import org.ruleone.platform.CsvEncoding;

/**
 * How to read a file of past survey results (ADR 0096): its encoding and separator, the column of each
 * {@link SurveyColumn} (counted from 0; a field not in the map is not in the file), how its dates are written and what
 * its score columns mean.
 *
 * @param dateFormat        a {@link java.time.format.DateTimeFormatter} pattern, e.g. {@code dd.MM.yyyy HH:mm}, read in
 *                          the store's time zone
 * @param scoreScale        what the {@link SurveyColumn#SCORE} column means
 * @param satisfactionScale what the {@link SurveyColumn#SATISFACTION} column means
 */
public record SurveyImportMapping(CsvEncoding encoding, char delimiter, Map<SurveyColumn, Integer> columns,
                                  String dateFormat, AnswerScale scoreScale, AnswerScale satisfactionScale) {

    public SurveyImportMapping {
        encoding = encoding == null ? CsvEncoding.UTF_8 : encoding;
        Map<SurveyColumn, Integer> kept = new EnumMap<>(SurveyColumn.class);
        if (columns != null) {
            columns.forEach((field, index) -> {
                if (field != null && index != null && index >= 0) {
                    kept.put(field, index);
                }
            });
        }
        columns = java.util.Collections.unmodifiableMap(kept);
        dateFormat = dateFormat == null ? "" : dateFormat.strip();
        scoreScale = scoreScale == null ? AnswerScale.COME_BACK_0_10 : scoreScale;
        satisfactionScale = satisfactionScale == null ? AnswerScale.SATISFACTION_1_5 : satisfactionScale;
    }

    /** The column of a field, or -1 when the file does not have it. */
    public int column(SurveyColumn field) {
        return columns.getOrDefault(field, -1);
    }

    public boolean has(SurveyColumn field) {
        return columns.containsKey(field);
    }

    /** The largest column index this mapping reads. */
    public int highestColumn() {
        return columns.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }
}
