package org.ruleone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** The committed copy of the module documentation: what a reader of the repository sees. */
    static final Path COMMITTED = Path.of("docs/modules");
    private static final Path GENERATED = Path.of("target/spring-modulith-docs");

    /** Read once for both tests: reading the classes is the slow part. */
    private static final ApplicationModules modules = ApplicationModules.of(RuleOneApplication.class);

    @Test
    void keepsModulesToTheirPublicApisAndAllowedDependencies() {
        modules.verify();
    }

    /**
     * Writes the module documentation and fails when the committed copy in {@code docs/modules} differs: the fresh
     * copy is put in its place, so the next run passes once it is reviewed and committed. Lines are compared as a
     * sorted list (a cell's first item split off its "|"), because the documenter does not promise an order for modules it holds in sets.
     */
    @Test
    void keepsTheCommittedModuleDocumentationCurrent() throws IOException {
        if (Files.isDirectory(GENERATED)) {
            try (Stream<Path> old = Files.walk(GENERATED)) {
                for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        List<String> stale = new ArrayList<>();
        Files.createDirectories(COMMITTED);
        try (Stream<Path> files = Files.list(GENERATED)) {
            for (Path generated : files.filter(Files::isRegularFile).sorted().toList()) {
                Path committed = COMMITTED.resolve(generated.getFileName().toString());
                if (!Files.exists(committed) || !sameLines(generated, committed)) {
                    Files.copy(generated, committed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    stale.add(committed.toString());
                }
            }
        }
        try (Stream<Path> files = Files.list(COMMITTED)) {
            for (Path committed : files.sorted().toList()) {
                if (!Files.exists(GENERATED.resolve(committed.getFileName().toString()))) {
                    Files.delete(committed);
                    stale.add(committed + " (no longer a module)");
                }
            }
        }
        assertThat(stale)
                .as("module documentation was out of date and has been rewritten; review and commit")
                .isEmpty();
    }

    private static boolean sameLines(Path a, Path b) throws IOException {
        return normalised(a).equals(normalised(b));
    }

    private static List<String> normalised(Path file) throws IOException {
        // A table cell's first list item starts with "|*": which item comes first is part of the unpromised order.
        return Files.readAllLines(file).stream()
                .flatMap(line -> line.startsWith("|* ") ? Stream.of("|", line.substring(1)) : Stream.of(line))
                .map(String::stripTrailing).sorted().toList();
    }
}
