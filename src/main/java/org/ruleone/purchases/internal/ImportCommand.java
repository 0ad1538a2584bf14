package org.ruleone.purchases.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.CsvLimits;
import org.ruleone.platform.ShellCommands;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.FilePreview;
import org.ruleone.purchases.ImportStatus;
import org.ruleone.purchases.ImportSummary;
import org.ruleone.purchases.PurchaseImports;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import --file=PATH --store="Store name" [--preset=online-retail | --mapping-file=PATH | --mapping-of=ID]
 * [--all-or-nothing]}: the browser's import, from the shell. Prints one line of JSON on stdout; exits 0 when the
 * import completed, 1 when it failed (every row rejected among the reasons), 2 when the command itself is wrong.
 */
@Component
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    private final PurchaseImports imports;
    private final Organization organization;
    private final JsonMapper json;
    private int exitCode;

    private final ImportRuns runs;

    ImportCommand(PurchaseImports imports, Organization organization, JsonMapper json, ImportRuns runs) {
        this.runs = runs;
        this.imports = imports;
        this.organization = organization;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> commands = args.getNonOptionArgs();
        if (commands.isEmpty() || !"import".equals(commands.getFirst())) {
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
        Optional<ColumnMapping> mapping;
        try {
            mapping = mapping(args, PurchaseImports.preview(file.get()));
        } catch (CsvLimits.Refused e) {
            usage("--file: " + e.getMessage());
            return;
        } catch (IllegalArgumentException | IOException e) {
            usage(e.getMessage());
            return;
        }
        if (mapping.isEmpty()) {
            usage("no column mapping: use --preset=" + ColumnMapping.ONLINE_RETAIL + ", --mapping-file=PATH (see "
                    + "docs/importing.md) or --mapping-of=ID to reuse the columns of an import mapped in the browser");
            return;
        }
        ImportSummary summary = imports.importNow(new PurchaseImports.Request(store.get().id(), file.get(),
                file.get().getFileName().toString(), mapping.get(), args.containsOption("all-or-nothing"), null));
        exitCode = summary.status() == ImportStatus.COMPLETED ? 0 : 1;
        ShellCommands.printLine(json.writeValueAsString(summary));
    }

    /** The mapping the options name: a mapping file, an earlier import's mapping, a preset, or the recognised header. */
    private Optional<ColumnMapping> mapping(ApplicationArguments args, FilePreview preview) throws IOException {
        Optional<String> mappingFile = ShellCommands.option(args, "mapping-file");
        if (mappingFile.isPresent()) {
            Path path = Path.of(mappingFile.get());
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException("--mapping-file=" + path + " is not a readable file");
            }
            return Optional.of(MappingFile.read(path, preview));
        }
        Optional<String> earlier = ShellCommands.option(args, "mapping-of");
        if (earlier.isPresent()) {
            if (!earlier.get().strip().matches("\\d{1,18}")) {
                throw new IllegalArgumentException("--mapping-of must be an import's number");
            }
            ColumnMapping used = runs.plan(Long.parseLong(earlier.get().strip())).map(ImportRuns.Plan::mapping)
                    .orElseThrow(() -> new IllegalArgumentException("--mapping-of: no import " + earlier.get()));
            if (used.highestColumn() >= preview.header().size() || used.delimiter() != preview.delimiter()) {
                throw new IllegalArgumentException("--mapping-of=" + earlier.get()
                        + ": that import's columns do not fit this file's header " + preview.header());
            }
            return Optional.of(used);
        }
        if (ShellCommands.option(args, "preset").isPresent()) {
            return ShellCommands.option(args, "preset").flatMap(ColumnMapping::preset);
        }
        return preview.preset();
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
        result.put("usage", "import --file=PATH --store=\"Store name\" [--preset=online-retail | --mapping-file=PATH"
                + " | --mapping-of=IMPORT_ID] [--all-or-nothing]");
        ShellCommands.printLine(json.writeValueAsString(result));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
