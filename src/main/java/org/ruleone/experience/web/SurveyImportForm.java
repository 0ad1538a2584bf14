package org.ruleone.experience.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.ruleone.experience.AnswerScale;
import org.ruleone.experience.SurveyColumn;
import org.ruleone.experience.SurveyImportMapping;
import org.ruleone.platform.CsvDates;
import org.ruleone.platform.CsvEncoding;
import org.springframework.validation.BindingResult;

/**
 * The mapping screen of a survey results import: which column holds what (-1 for none), how dates are written, what
 * the score columns mean, the encoding, and the store for rows that name none.
 */
record SurveyImportForm(String upload, String fileName, String encoding, String delimiter, Long storeId,
                        Integer date, String dateFormat, Integer client, Integer storeColumn, Integer associate,
                        Integer invoice, Integer score, String scoreScale, Integer satisfaction,
                        String satisfactionScale, Integer comment, Integer externalId) {

    static SurveyImportForm of(String upload, String fileName, Long storeId, SurveyImportMapping m) {
        return new SurveyImportForm(upload, fileName, m.encoding().name(), String.valueOf(m.delimiter()), storeId,
                m.column(SurveyColumn.DATE), m.dateFormat(), m.column(SurveyColumn.CLIENT),
                m.column(SurveyColumn.STORE), m.column(SurveyColumn.ASSOCIATE), m.column(SurveyColumn.INVOICE),
                m.column(SurveyColumn.SCORE), m.scoreScale().name(), m.column(SurveyColumn.SATISFACTION),
                m.satisfactionScale().name(), m.column(SurveyColumn.COMMENT), m.column(SurveyColumn.EXTERNAL_ID));
    }

    /** The form field of each column, as the screen lists them ({@code experience.import.field.<name>}). */
    static final Map<SurveyColumn, String> FIELDS = fields();

    private static Map<SurveyColumn, String> fields() {
        Map<SurveyColumn, String> fields = new EnumMap<>(SurveyColumn.class);
        fields.put(SurveyColumn.DATE, "date");
        fields.put(SurveyColumn.CLIENT, "client");
        fields.put(SurveyColumn.STORE, "storeColumn");
        fields.put(SurveyColumn.ASSOCIATE, "associate");
        fields.put(SurveyColumn.INVOICE, "invoice");
        fields.put(SurveyColumn.SCORE, "score");
        fields.put(SurveyColumn.SATISFACTION, "satisfaction");
        fields.put(SurveyColumn.COMMENT, "comment");
        fields.put(SurveyColumn.EXTERNAL_ID, "externalId");
        return fields;
    }

    /** The mapping, or field errors naming what is missing or wrong. */
    SurveyImportMapping mapping(int columns, BindingResult errors) {
        Map<SurveyColumn, Integer> mapped = new EnumMap<>(SurveyColumn.class);
        Integer[] values = {date, client, storeColumn, associate, invoice, score, satisfaction, comment, externalId};
        for (SurveyColumn column : SurveyColumn.values()) {
            Integer index = values[column.ordinal()];
            if (index != null && index >= 0) {
                if (index >= columns) {
                    errors.rejectValue(FIELDS.get(column), "experience.import.validation.column");
                } else {
                    mapped.put(column, index);
                }
            }
        }
        if (!mapped.containsKey(SurveyColumn.DATE)) {
            errors.rejectValue("date", "experience.import.validation.column");
        }
        if (!mapped.containsKey(SurveyColumn.SCORE) && !mapped.containsKey(SurveyColumn.SATISFACTION)
                && !mapped.containsKey(SurveyColumn.COMMENT)) {
            errors.rejectValue("score", "experience.import.validation.noAnswer");
        }
        if (CsvDates.format(dateFormat).isEmpty()) {
            errors.rejectValue("dateFormat", "experience.import.validation.dateFormat");
        }
        Optional<AnswerScale> scoreMeans = scale(scoreScale);
        Optional<AnswerScale> satisfactionMeans = scale(satisfactionScale);
        if (scoreMeans.isEmpty()) {
            errors.rejectValue("scoreScale", "experience.import.validation.scale");
        }
        if (satisfactionMeans.isEmpty()) {
            errors.rejectValue("satisfactionScale", "experience.import.validation.scale");
        }
        if (scoreMeans.isPresent() && satisfactionMeans.isPresent() && mapped.containsKey(SurveyColumn.SCORE)
                && mapped.containsKey(SurveyColumn.SATISFACTION)
                && scoreMeans.get().question() == satisfactionMeans.get().question()) {
            errors.rejectValue("satisfactionScale", "experience.import.validation.sameQuestion");
        }
        Optional<CsvEncoding> chosen = CsvEncoding.named(encoding);
        if (chosen.isEmpty()) {
            errors.rejectValue("encoding", "experience.import.validation.encoding");
        }
        char separator = delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0);
        if (separator != ',' && separator != ';' && separator != '\t') {
            separator = ',';
        }
        return new SurveyImportMapping(chosen.orElse(CsvEncoding.UTF_8), separator, mapped,
                dateFormat == null ? "" : dateFormat.strip(), scoreMeans.orElse(null), satisfactionMeans.orElse(null));
    }

    private static Optional<AnswerScale> scale(String name) {
        try {
            return name == null || name.isBlank() ? Optional.empty() : Optional.of(AnswerScale.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
