package org.ruleone.experience;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.ruleone.experience.internal.SurveyImportRuns;
import org.ruleone.experience.internal.SurveyImporter;
import org.ruleone.organization.Organization;
import org.ruleone.platform.CsvDates;
import org.ruleone.platform.CsvEncoding;
import org.ruleone.platform.CsvLimits;
import org.ruleone.platform.CsvPreview;
import org.ruleone.platform.RejectedRow;
import org.ruleone.platform.Uploads;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Imports of past survey results from another tool's CSV export (ADR 0096), from the browser (in the background, with
 * a progress bar) or the shell. Imported answers are history: stored with channel IMPORT, they publish no
 * {@link SurveyAnswered} and open no follow-up case.
 */
@Service
public class SurveyImports implements DisposableBean {

    static final int PREVIEW_ROWS = 5;
    static final int DETECTION_ROWS = 200;
    private static final int PREVIEW_VALUE = 200;

    private final SurveyImporter importer;
    private final SurveyImportRuns runs;
    private final Organization organization;
    private final Uploads uploads;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    SurveyImports(SurveyImporter importer, SurveyImportRuns runs, Organization organization, Uploads uploads) {
        this.importer = importer;
        this.runs = runs;
        this.organization = organization;
        this.uploads = uploads;
    }

    /**
     * What to import.
     *
     * @param storeId   the store for rows that name none
     * @param fileName  the name the person knows the file by
     * @param startedBy the associate (rows may name only stores they may act in), or {@code null} for the shell
     */
    public record Request(long storeId, Path file, String fileName, SurveyImportMapping mapping, Long startedBy) {
    }

    /** Imports now, in the calling thread (the shell), and returns the run. */
    public SurveyImportRun importNow(Request request) {
        long id = record(request);
        return importer.run(new SurveyImporter.Plan(id, request.storeId(), request.file(), request.mapping(),
                request.startedBy()));
    }

    /** Starts the import in the background and returns its id at once; its progress is in {@link #find}. */
    public long start(Request request) {
        long id = record(request);
        background.submit(() -> {
            importer.run(new SurveyImporter.Plan(id, request.storeId(), request.file(), request.mapping(),
                    request.startedBy()));
            uploads.discard(request.file());
        });
        return id;
    }

    public Optional<SurveyImportRun> find(long importId) {
        return runs.find(importId);
    }

    /** The newest runs, of one store or (empty) of all stores. */
    public List<SurveyImportRun> recent(Optional<Long> storeId, int limit) {
        return runs.recent(storeId, limit);
    }

    public List<RejectedRow> rejectedRows(long importId, int limit) {
        return runs.rejections(importId, limit);
    }

    /** The mapping an earlier run used. */
    public Optional<SurveyImportMapping> mappingOf(long importId) {
        return runs.mapping(importId);
    }

    /**
     * The header and first rows of a file, read in {@code encoding} (detected when empty), with the separator found in
     * the header, the columns guessed from its names, the date format that reads the first dates and the scales the
     * scores suggest; each value cut to {@value #PREVIEW_VALUE} characters.
     *
     * @throws CsvLimits.Refused when the file is not text, or its first records are beyond the {@link CsvLimits}
     */
    public static SurveyFilePreview preview(Path file, Optional<CsvEncoding> encoding) throws CsvLimits.Refused {
        try {
            CsvLimits.requireText(file);
            CsvEncoding chosen = encoding.isPresent() ? encoding.get() : CsvEncoding.detect(file);
            CsvPreview start;
            try (InputStream in = chosen.open(Files.newInputStream(file))) {
                start = CsvPreview.read(in, DETECTION_ROWS, DETECTION_ROWS);
            }
            Map<SurveyColumn, Integer> columns = SurveyColumn.guess(start.header());
            String dateFormat = CsvDates.detect(column(start.rows(), columns.get(SurveyColumn.DATE))).orElse("");
            AnswerScale score = AnswerScale.suggested(column(start.rows(), columns.get(SurveyColumn.SCORE)),
                    AnswerScale.Question.COME_BACK);
            AnswerScale satisfaction = AnswerScale.suggested(
                    column(start.rows(), columns.get(SurveyColumn.SATISFACTION)), AnswerScale.Question.SATISFACTION);
            if (score.question() == satisfaction.question() && columns.containsKey(SurveyColumn.SATISFACTION)) {
                score = AnswerScale.COME_BACK_0_10;
            }
            SurveyImportMapping suggested = new SurveyImportMapping(chosen, start.delimiter(), columns, dateFormat,
                    score, satisfaction);
            return new SurveyFilePreview(shown(start.header()),
                    start.rows().stream().limit(PREVIEW_ROWS).map(SurveyImports::shown).toList(), suggested);
        } catch (CsvLimits.Refused e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> column(List<List<String>> rows, Integer index) {
        List<String> values = new ArrayList<>();
        if (index != null) {
            rows.forEach(r -> {
                if (index < r.size()) {
                    values.add(r.get(index));
                }
            });
        }
        return values;
    }

    private static List<String> shown(List<String> fields) {
        return fields.stream().map(f -> f.length() > PREVIEW_VALUE ? f.substring(0, PREVIEW_VALUE) + "…" : f).toList();
    }

    private long record(Request request) {
        if (organization.store(request.storeId()).isEmpty()) {
            throw new IllegalArgumentException("No store " + request.storeId());
        }
        return runs.create(request.storeId(), request.fileName(), request.mapping(), request.startedBy());
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
