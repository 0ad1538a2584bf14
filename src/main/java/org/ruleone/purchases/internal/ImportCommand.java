package org.ruleone.purchases.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.CsvLimits;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.ImportStatus;
import org.ruleone.purchases.ImportSummary;
import org.ruleone.purchases.PurchaseImports;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import --file=PATH --store="Store name" [--preset=online-retail] [--all-or-nothing]}: the browser's import,
 * from the shell. Prints one line of JSON on stdout; exits 0 when the import completed, 1 when it failed, 2 when
 * the command itself is wrong.
 */
@Component
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    private final PurchaseImports imports;
    private final Organization organization;
    private final JsonMapper json;
    private int exitCode;

    ImportCommand(PurchaseImports imports, Organization organization, JsonMapper json) {
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
        Optional<Path> file = option(args, "file").map(Path::of).filter(Files::isReadable);
        if (file.isEmpty()) {
            usage("--file=PATH must name a readable CSV file");
            return;
        }
        Optional<StoreSummary> store = option(args, "store").flatMap(this::store);
        if (store.isEmpty()) {
            usage("--store must name an existing store (by name or id)");
            return;
        }
        Optional<ColumnMapping> mapping;
        try {
            mapping = option(args, "preset").isPresent()
                    ? option(args, "preset").flatMap(ColumnMapping::preset)
                    : PurchaseImports.preview(file.get()).preset();
        } catch (CsvLimits.Refused e) {
            usage("--file: " + e.getMessage());
            return;
        }
        if (mapping.isEmpty()) {
            usage("no column mapping: use --preset=" + ColumnMapping.ONLINE_RETAIL
                    + " or map the columns once in the browser");
            return;
        }
        ImportSummary summary = imports.importNow(new PurchaseImports.Request(store.get().id(), file.get(),
                file.get().getFileName().toString(), mapping.get(), args.containsOption("all-or-nothing"), null));
        exitCode = summary.status() == ImportStatus.COMPLETED ? 0 : 1;
        print(json.writeValueAsString(summary));
    }

    private Optional<StoreSummary> store(String nameOrId) {
        Optional<StoreSummary> named = organization.storeNamed(nameOrId.strip());
        if (named.isPresent() || !nameOrId.strip().matches("\\d{1,18}")) {
            return named;
        }
        return organization.store(Long.parseLong(nameOrId.strip()));
    }

    private static Optional<String> option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private void usage(String problem) {
        exitCode = 2;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "USAGE");
        result.put("problem", problem);
        result.put("usage", "import --file=PATH --store=\"Store name\" [--preset=online-retail] [--all-or-nothing]");
        print(json.writeValueAsString(result));
    }

    /** The process's real stdout: in shell mode {@code System.out} is pointed at stderr for the logs. */
    private static void print(String line) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.println(line);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
