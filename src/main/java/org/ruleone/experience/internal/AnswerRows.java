package org.ruleone.experience.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ruleone.experience.AnswerScale;
import org.ruleone.experience.SurveyColumn;
import org.ruleone.experience.SurveyImportMapping;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.CsvColumns;
import org.ruleone.platform.CsvDates;

/**
 * Reads the rows of one file of past survey results into answers, or says why a row cannot be one (a reason code,
 * shown as {@code experience.import.reason.<code>}). Stores and associates are looked up once per file.
 */
final class AnswerRows {

    static final int MAX_COMMENT = 2000;
    static final int MAX_TEXT = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** One good row: an answer to store. {@code client} is an e-mail address, a POS number or {@code null}. */
    record Answer(long line, long storeId, Instant answeredAt, String client, Long associateId, String invoice,
                  Integer comeBack, Integer satisfaction, String comment, String externalId) {

        boolean clientIsEmail() {
            return client != null && client.contains("@");
        }
    }

    /** Why a row is not imported. */
    static final class BadRow extends Exception {
        final String reason;
        final String detail;

        BadRow(String reason, String detail) {
            super(reason, null, false, false);
            this.reason = reason;
            this.detail = detail;
        }
    }

    private final SurveyImportMapping mapping;
    private final List<String> header;
    private final DateTimeFormatter dates;
    private final long defaultStoreId;
    private final Long startedBy;
    private final Organization organization;
    private final Clock clock;
    private final Map<String, Optional<StoreSummary>> storesByValue = new HashMap<>();
    private final Map<Long, Boolean> allowed = new HashMap<>();
    private final Map<Long, StoreSummary> stores = new HashMap<>();
    private final List<AssociateSummary> associates;
    private final Map<String, Integer> occurrences = new HashMap<>();

    /**
     * @param startedBy the associate importing, whose stores a row may name; {@code null} for the shell (any store)
     */
    AnswerRows(SurveyImportMapping mapping, List<String> header, long defaultStoreId, Long startedBy,
               Organization organization, Clock clock) {
        this.mapping = mapping;
        this.header = header;
        this.dates = CsvDates.format(mapping.dateFormat())
                .orElseThrow(() -> new IllegalArgumentException("Not a date format: " + mapping.dateFormat()));
        this.defaultStoreId = defaultStoreId;
        this.startedBy = startedBy;
        this.organization = organization;
        this.clock = clock;
        this.associates = mapping.has(SurveyColumn.ASSOCIATE) ? organization.associates(Optional.empty()) : List.of();
    }

    Answer read(List<String> fields, long line, boolean malformed) throws BadRow {
        if (malformed) {
            throw new BadRow("BAD_ENCODING", mapping.encoding().charset().name());
        }
        if (fields.size() <= mapping.highestColumn()) {
            throw new BadRow("COLUMN_COUNT", fields.size() + " < " + (mapping.highestColumn() + 1));
        }
        StoreSummary store = store(fields);
        Instant answeredAt = answeredAt(fields, store);
        Integer comeBack = null;
        Integer satisfaction = null;
        for (SurveyColumn column : List.of(SurveyColumn.SCORE, SurveyColumn.SATISFACTION)) {
            String text = value(fields, column);
            if (text.isEmpty()) {
                continue;
            }
            AnswerScale scale = column == SurveyColumn.SCORE ? mapping.scoreScale() : mapping.satisfactionScale();
            int value = scale.read(text).orElseThrow(() -> new BadRow(
                    column == SurveyColumn.SCORE ? "BAD_SCORE" : "BAD_SATISFACTION", detail(column, text)));
            if (scale.question() == AnswerScale.Question.COME_BACK) {
                comeBack = value;
            } else {
                satisfaction = value;
            }
        }
        String comment = value(fields, SurveyColumn.COMMENT).replace('\0', ' ');
        if (comment.length() > MAX_COMMENT) {
            throw new BadRow("COMMENT_TOO_LONG", String.valueOf(comment.length()));
        }
        if (comeBack == null && satisfaction == null && comment.isEmpty()) {
            throw new BadRow("NO_ANSWER", "");
        }
        String client = client(fields);
        Long associateId = associate(fields, store.id());
        String invoice = text(fields, SurveyColumn.INVOICE);
        String externalId = text(fields, SurveyColumn.EXTERNAL_ID);
        return new Answer(line, store.id(), answeredAt, client, associateId, invoice, comeBack, satisfaction,
                comment.isEmpty() ? null : comment, externalId != null ? externalId : contentId(fields));
    }

    private StoreSummary store(List<String> fields) throws BadRow {
        String named = value(fields, SurveyColumn.STORE);
        Optional<StoreSummary> store;
        if (named.isEmpty()) {
            store = Optional.ofNullable(stores.computeIfAbsent(defaultStoreId,
                    id -> organization.store(id).orElse(null)));
        } else {
            store = storesByValue.computeIfAbsent(named, n -> organization.storeNamed(n)
                    .or(() -> n.matches("\\d{1,18}") ? organization.store(Long.parseLong(n)) : Optional.empty()));
            if (store.isEmpty()) {
                throw new BadRow("UNKNOWN_STORE", detail(SurveyColumn.STORE, named));
            }
        }
        if (store.isEmpty()) {
            throw new BadRow("UNKNOWN_STORE", String.valueOf(defaultStoreId));
        }
        long id = store.get().id();
        if (startedBy != null && !allowed.computeIfAbsent(id, s -> organization.mayActIn(startedBy, s))) {
            throw new BadRow("STORE_OUT_OF_SCOPE", named.isEmpty() ? String.valueOf(id) : detail(SurveyColumn.STORE,
                    named));
        }
        return store.get();
    }

    private Instant answeredAt(List<String> fields, StoreSummary store) throws BadRow {
        String text = value(fields, SurveyColumn.DATE);
        if (text.isEmpty()) {
            throw new BadRow("MISSING_DATE", "");
        }
        LocalDateTime at = CsvDates.read(dates, text).orElseThrow(() -> new BadRow("BAD_DATE",
                detail(SurveyColumn.DATE, text)));
        Instant instant = at.atZone(store.timeZone()).toInstant();
        if (instant.isAfter(clock.instant())) {
            throw new BadRow("FUTURE_DATE", detail(SurveyColumn.DATE, text));
        }
        return instant;
    }

    private String client(List<String> fields) throws BadRow {
        String client = value(fields, SurveyColumn.CLIENT);
        if (client.isEmpty()) {
            return null;
        }
        if (client.length() > MAX_TEXT || (client.contains("@") && !EMAIL.matcher(client).matches())) {
            throw new BadRow("BAD_CLIENT", detail(SurveyColumn.CLIENT, client));
        }
        return client;
    }

    /** The associate named by name, e-mail or number, among the store's people (and the owner), leavers included. */
    private Long associate(List<String> fields, long storeId) throws BadRow {
        String named = value(fields, SurveyColumn.ASSOCIATE);
        if (named.isEmpty()) {
            return null;
        }
        List<AssociateSummary> found = associates.stream()
                .filter(a -> a.role() == Role.OWNER || (a.storeId() != null && a.storeId() == storeId))
                .filter(a -> a.name().equalsIgnoreCase(named) || a.email().equalsIgnoreCase(named)
                        || String.valueOf(a.id()).equals(named))
                .toList();
        if (found.isEmpty()) {
            throw new BadRow("UNKNOWN_ASSOCIATE", detail(SurveyColumn.ASSOCIATE, named));
        }
        if (found.size() > 1) {
            throw new BadRow("AMBIGUOUS_ASSOCIATE", detail(SurveyColumn.ASSOCIATE, named));
        }
        return found.getFirst().id();
    }

    /** An optional text column: {@code null} when empty; refused beyond {@value #MAX_TEXT} characters. */
    private String text(List<String> fields, SurveyColumn column) throws BadRow {
        String text = value(fields, column);
        if (text.length() > MAX_TEXT) {
            throw new BadRow("TOO_LONG", header(column));
        }
        return text.isEmpty() ? null : text;
    }

    /**
     * An id for a row without an external id: its mapped values and how many identical rows came before it in the
     * file, so the same file imported again adds nothing and two identical answers in it both count.
     */
    private String contentId(List<String> fields) {
        StringBuilder content = new StringBuilder();
        for (SurveyColumn column : SurveyColumn.values()) {
            content.append(value(fields, column)).append('\u001f');
        }
        String key = content.toString();
        int seen = occurrences.merge(key, 1, Integer::sum);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "row:" + HexFormat.of().formatHex(digest, 0, 16) + "#" + seen;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String value(List<String> fields, SurveyColumn column) {
        return mapping.has(column) ? CsvColumns.value(fields, mapping.column(column)) : "";
    }

    private String detail(SurveyColumn column, String value) {
        String shown = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return header(column) + ": " + shown;
    }

    private String header(SurveyColumn column) {
        int index = mapping.column(column);
        return index >= 0 && index < header.size() ? header.get(index).strip() : column.name();
    }
}
