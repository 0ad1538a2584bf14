package org.ruleone.experience.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.ruleone.experience.AnswerScale;
import org.ruleone.experience.SurveyColumn;
import org.ruleone.experience.SurveyFilePreview;
import org.ruleone.experience.SurveyImportMapping;
import org.ruleone.experience.SurveyImportRun;
import org.ruleone.experience.SurveyImportStatus;
import org.ruleone.experience.SurveyImports;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.CsvColumns;
import org.ruleone.platform.CsvDates;
import org.ruleone.platform.CsvEncoding;
import org.ruleone.platform.CsvLimits;
import org.ruleone.platform.ShellCommands;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import-surveys --file=PATH --store="Store name"} and the mapping screen's choices as options (see
 * {@link #USAGE}): the browser's survey results import, from the shell. What the options leave out is detected or
 * guessed as the screen does; {@code --mapping-of=ID} reuses an earlier import's mapping. Prints one line of JSON on
 * stdout; exits 0 when the import completed, 1 when it failed, 2 when the command itself is wrong.
 */
@Component
class SurveyImportCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String COMMAND = "import-surveys";
    static final String USAGE = COMMAND + " --file=PATH --store=\"Store name\" [--mapping-of=IMPORT_ID]"
            + " [--encoding=UTF_8|WINDOWS_1252|ISO_8859_2|WINDOWS_1250] [--date-format=dd.MM.yyyy]"
            + " [--date=COLUMN] [--client=COLUMN] [--store-column=COLUMN] [--associate=COLUMN] [--invoice=COLUMN]"
            + " [--score=COLUMN] [--score-scale=SCALE] [--satisfaction=COLUMN] [--satisfaction-scale=SCALE]"
            + " [--comment=COLUMN] [--external-id=COLUMN]; COLUMN is a header name or a number from 1, or - for"
            + " none; SCALE is COME_BACK_0_10, COME_BACK_1_10, SATISFACTION_1_5 or SATISFACTION_1_10";

    private final SurveyImports imports;
    private final Organization organization;
    private final JsonMapper json;
    private int exitCode;

    SurveyImportCommand(SurveyImports imports, Organization organization, JsonMapper json) {
        this.imports = imports;
        this.organization = organization;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> commands = args.getNonOptionArgs();
        if (commands.isEmpty() || !COMMAND.equals(commands.getFirst())) {
            return;
        }
        Optional<Path> file = ShellCommands.option(args, "file").map(Path::of).filter(Files::isReadable);
        if (file.isEmpty()) {
            usage("--file=PATH must name a readable CSV file");
            return;
        }
        Optional<StoreSummary> store = ShellCommands.option(args, "store").flatMap(this::store);
        if (store.isEmpty()) {
            usage("--store must name an existing store (by name or id)");
            return;
        }
        SurveyImportMapping mapping;
        try {
            mapping = mapping(args, file.get());
        } catch (CsvLimits.Refused e) {
            usage("--file: " + e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        SurveyImportRun run = imports.importNow(new SurveyImports.Request(store.get().id(), file.get(),
                file.get().getFileName().toString(), mapping, null));
        exitCode = run.status() == SurveyImportStatus.COMPLETED ? 0 : 1;
        ShellCommands.printLine(json.writeValueAsString(run));
    }

    /** An earlier import's mapping, or the detected one with what the options say instead. */
    SurveyImportMapping mapping(ApplicationArguments args, Path file) throws CsvLimits.Refused {
        Optional<String> earlier = ShellCommands.option(args, "mapping-of");
        if (earlier.isPresent()) {
            if (!earlier.get().strip().matches("\\d{1,18}")) {
                throw new IllegalArgumentException("--mapping-of must be an import's number");
            }
            return imports.mappingOf(Long.parseLong(earlier.get().strip()))
                    .orElseThrow(() -> new IllegalArgumentException("--mapping-of: no import " + earlier.get()));
        }
        Optional<CsvEncoding> encoding = ShellCommands.option(args, "encoding").map(e -> CsvEncoding.named(e.strip()
                .toUpperCase(Locale.ROOT).replace('-', '_')).orElseThrow(() -> new IllegalArgumentException(
                "--encoding must be one of UTF_8, WINDOWS_1252, ISO_8859_2, WINDOWS_1250")));
        SurveyFilePreview preview = SurveyImports.preview(file, encoding);
        SurveyImportMapping detected = preview.suggested();
        Map<SurveyColumn, Integer> columns = new EnumMap<>(SurveyColumn.class);
        columns.putAll(detected.columns());
        for (SurveyColumn column : SurveyColumn.values()) {
            String name = column == SurveyColumn.STORE ? "store-column"
                    : column.name().toLowerCase(Locale.ROOT).replace('_', '-');
            Optional<String> given = ShellCommands.option(args, name);
            if (given.isEmpty()) {
                continue;
            }
            if (given.get().strip().equals("-")) {
                columns.remove(column);
                continue;
            }
            OptionalInt index = CsvColumns.find(preview.header(), given.get());
            if (index.isEmpty()) {
                throw new IllegalArgumentException("--" + name + "=" + given.get() + " is not a column of "
                        + preview.header());
            }
            columns.put(column, index.getAsInt());
        }
        String dateFormat = ShellCommands.option(args, "date-format").orElse(detected.dateFormat());
        if (CsvDates.format(dateFormat).isEmpty()) {
            throw new IllegalArgumentException("--date-format=PATTERN is needed: the dates of this file were not "
                    + "recognised (e.g. dd.MM.yyyy HH:mm)");
        }
        if (!columns.containsKey(SurveyColumn.DATE)) {
            throw new IllegalArgumentException("--date=COLUMN is needed: no column of " + preview.header()
                    + " looks like the date");
        }
        AnswerScale score = scale(args, "score-scale").orElse(detected.scoreScale());
        AnswerScale satisfaction = scale(args, "satisfaction-scale").orElse(detected.satisfactionScale());
        if (columns.containsKey(SurveyColumn.SCORE) && columns.containsKey(SurveyColumn.SATISFACTION)
                && score.question() == satisfaction.question()) {
            throw new IllegalArgumentException("--score-scale and --satisfaction-scale answer the same question");
        }
        return new SurveyImportMapping(detected.encoding(), detected.delimiter(), columns, dateFormat, score,
                satisfaction);
    }

    private static Optional<AnswerScale> scale(ApplicationArguments args, String name) {
        return ShellCommands.option(args, name).map(s -> {
            try {
                return AnswerScale.valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + name + " must be one of COME_BACK_0_10, COME_BACK_1_10, "
                        + "SATISFACTION_1_5, SATISFACTION_1_10");
            }
        });
    }

    private Optional<StoreSummary> store(String nameOrId) {
        Optional<StoreSummary> named = organization.storeNamed(nameOrId.strip());
        if (named.isPresent() || !nameOrId.strip().matches("\\d{1,18}")) {
            return named;
        }
        return organization.store(Long.parseLong(nameOrId.strip()));
    }

    private void usage(String problem) {
        exitCode = 2;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "USAGE");
        result.put("problem", problem);
        result.put("usage", USAGE);
        ShellCommands.printLine(json.writeValueAsString(result));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
