package org.ruleone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * The house rules of {@code STYLE.md} that a reviewer would otherwise have to remember, checked on every build (in
 * the manner of wimdeblauwe/petclinic's {@code PetclinicArchitectureTest}). Each rule says what to do instead in its
 * failure message. The rules read the sources and migrations as text where the compiled classes do not show them
 * (SQL in strings, migrations) and the compiled classes (ArchUnit) where they do.
 */
class HouseRulesTests {

    private static final Path SOURCES = Path.of("src/main/java/org/ruleone");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path LISTENER_ADR = Path.of("docs/adr/0088-one-listener-style.md");

    /**
     * Views their owner publishes for every module's SQL (ADR 0089). A list here rather than a marker in the
     * migration: widening a module's read contract is then a visible change to this file, reviewed as such, and a
     * view dropped or renamed fails {@link #publishedViewsAreViewsTheirOwnerCreates()}. A table is never published.
     */
    static final Set<String> PUBLISHED_VIEWS = Set.of(
            "purchase_client_figures",                                       // purchases
            "book_segments",                                                 // clienteling
            "store_directory", "associate_directory",                        // organization
            "customer_directory", "customer_email_consent", "customer_post_consent",     // customers
            "customer_tags", "customer_dates", "customer_survey_consent", "customer_email_reach_counts",
            "survey_unhappy_answers",                                        // experience
            "purchase_client_dates",                                         // purchases
            "service_resolutions",                                           // service
            "recognition_heroic_links");                                     // recognition

    /** Migration files of other names once belonging to a module that has since moved. */
    private static final Map<String, String> MOVED_MODULES = Map.of("book", "clienteling");

    /** The first migration the "no {@code default now()}" rule applies to; older ones cannot be edited. */
    static final int FIRST_MIGRATION_WITHOUT_DEFAULT_NOW = 104;

    /**
     * The application's classes only: the rules ask for names (of a called method's class, of an annotation), not
     * for the libraries' classes themselves, and leaving those out makes the import take a second, not half a minute.
     */
    private static final JavaClasses MAIN_CLASSES = ArchConfiguration.withThreadLocalScope(configuration -> {
        configuration.setResolveMissingDependenciesFromClassPath(false);
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ruleone");
    });

    // --- a module's SQL names only its own tables and published views ---------------------------------------

    @Test
    void aModulesSqlNamesOnlyItsOwnTablesAndPublishedViews() {
        Map<String, String> owners = tableOwners(MIGRATIONS);
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String module = SOURCES.relativize(file).getName(0).toString();
            violations.addAll(foreignTables(module, read(file), owners).stream()
                    .map(v -> SOURCES.relativize(file) + ": " + v).toList());
        }
        assertThat(violations)
                .as("SQL naming another module's table; read the view or API its owner publishes (ADR 0089), "
                        + "or publish one in a migration of the owner and list it in PUBLISHED_VIEWS")
                .isEmpty();
    }

    @Test
    void publishedViewsAreViewsTheirOwnerCreates() {
        Map<String, String> views = createdNames(MIGRATIONS, Pattern.compile(
                "create\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)",
                Pattern.CASE_INSENSITIVE));
        assertThat(views).containsKeys(PUBLISHED_VIEWS.toArray(String[]::new));
    }

    @Test
    void theSqlRuleFindsATableOfAnotherModuleInAJoinAListAndAnInsert() {
        Map<String, String> owners = Map.of("customer", "customers", "store", "organization",
                "campaign", "campaigns", "customer_directory", "customers");
        String source = """
                class X {
                    String a = \"""
                        select * from campaign c join customer k on k.id = c.customer_id
                        \""";
                    String b = "select 1 from campaign c, store s where s.id = c.store_id";
                    String c = "insert into customer (id) values (1)";
                    String d = "select * from customer_directory";
                }
                """;
        assertThat(foreignTables("campaigns", source, owners))
                .containsExactly("customer (customers)", "store (organization)", "customer (customers)");
    }

    /** Table and view names in {@code from}, {@code join}, {@code into}, {@code update} and comma lists. */
    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "\\b(?:from|join|into|update|table)\\s+(\\w+)((?:\\s+(?:as\\s+)?\\w+)?(?:\\s*,\\s*\\w+(?:\\s+(?:as\\s+)?\\w+)?)*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    /** The tables of other modules that SQL in this source names, each as "table (owner)", in order. */
    static List<String> foreignTables(String module, String source, Map<String, String> owners) {
        List<String> literals = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        while (blocks.find()) {
            literals.add(blocks.group(1));
        }
        Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (strings.find()) {
            literals.add(strings.group(1));
        }
        List<String> found = new ArrayList<>();
        for (String literal : literals) {
            Matcher ref = TABLE_REFERENCE.matcher(literal.replaceAll("--[^\\n]*", ""));
            while (ref.find()) {
                List<String> names = new ArrayList<>(List.of(ref.group(1)));
                Arrays.stream(ref.group(2).split(",")).skip(1).map(String::strip)
                        .map(item -> item.split("\\s+")[0]).forEach(names::add);
                for (String name : names) {
                    String table = name.toLowerCase(Locale.ROOT);
                    String owner = owners.get(table);
                    if (owner != null && !owner.equals(module) && !PUBLISHED_VIEWS.contains(table)) {
                        found.add(table + " (" + owner + ")");
                    }
                }
            }
        }
        return found;
    }

    /** Every table and view a migration creates, with the module named in the migration's file name. */
    static Map<String, String> tableOwners(Path migrations) {
        return createdNames(migrations, Pattern.compile(
                "create\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(?:materialized\\s+)?(?:table|view)\\s+"
                        + "(?:if\\s+not\\s+exists\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE));
    }

    private static Map<String, String> createdNames(Path migrations, Pattern create) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (Path file : migrationFiles(migrations)) {
            String module = moduleOf(file);
            Matcher m = create.matcher(read(file).replaceAll("--[^\\n]*", ""));
            while (m.find()) {
                owners.put(m.group(1).toLowerCase(Locale.ROOT), module);
            }
        }
        return owners;
    }

    private static final Pattern MIGRATION_NAME = Pattern.compile("V(\\d+)__([a-z]+)[_.].*");

    private static String moduleOf(Path migration) {
        Matcher name = MIGRATION_NAME.matcher(migration.getFileName().toString());
        assertThat(name.matches()).as("migration named V<n>__<module>_<what>.sql: " + migration).isTrue();
        return MOVED_MODULES.getOrDefault(name.group(2), name.group(2));
    }

    private static int versionOf(Path migration) {
        Matcher name = MIGRATION_NAME.matcher(migration.getFileName().toString());
        return name.matches() ? Integer.parseInt(name.group(1)) : 0;
    }

    // --- listeners of another module's events: one style -------------------------------------------------------

    /**
     * A listener to another module's event is an {@code @ApplicationModuleListener} (after the commit, in the
     * background, in its own transaction, kept by the event publication registry until it completes), unless its
     * class is named in ADR 0088 with the reason it must run synchronously. Listeners to the framework's events
     * (application ready, sign-in) and to their own module's events are not concerned.
     */
    @Test
    void listenersToAnotherModulesEventsAreApplicationModuleListenersUnlessAnAdrSaysWhy() {
        Set<String> synchronous = synchronousListeners(read(LISTENER_ADR));
        methods().that(listenToAnotherModulesEvent())
                .should(new ArchCondition<>("be annotated with @ApplicationModuleListener or be in a class named in "
                        + LISTENER_ADR) {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean moduleListener = method.isAnnotatedWith(ApplicationModuleListener.class);
                        boolean allowed = synchronous.contains(method.getOwner().getSimpleName());
                        events.add(new SimpleConditionEvent(method, moduleListener || allowed,
                                method.getFullName() + " listens to another module's event synchronously; use "
                                        + "@ApplicationModuleListener, or name its class in " + LISTENER_ADR
                                        + " with the reason it must run synchronously"));
                    }
                })
                .check(MAIN_CLASSES);
    }

    /** The classes named in the ADR's "Synchronous listeners" section, one list item each: "- `Name` (...". */
    static Set<String> synchronousListeners(String adr) {
        int section = adr.indexOf("\n## Synchronous listeners");
        assertThat(section).as("a \"## Synchronous listeners\" section in " + LISTENER_ADR).isNotNegative();
        int next = adr.indexOf("\n## ", section + 1);
        Matcher item = Pattern.compile("(?m)^- `(\\w+)`")
                .matcher(adr.substring(section, next < 0 ? adr.length() : next));
        Set<String> names = new java.util.HashSet<>();
        while (item.find()) {
            names.add(item.group(1));
        }
        return names;
    }

    /** Spring's own reading of the annotations (meta-annotations included), as it finds listeners. */
    private static DescribedPredicate<JavaMethod> listenToAnotherModulesEvent() {
        return DescribedPredicate.describe("listen to another module's event", method -> {
            Method listener = method.reflect();
            EventListener annotation = AnnotatedElementUtils.findMergedAnnotation(listener, EventListener.class);
            if (annotation == null) {
                return false;
            }
            List<Class<?>> events = annotation.classes().length > 0
                    ? List.of(annotation.classes()) : List.of(listener.getParameterTypes());
            String own = module(listener.getDeclaringClass());
            return events.stream().anyMatch(e -> e.getName().startsWith("org.ruleone.") && !module(e).equals(own));
        });
    }

    private static String module(Class<?> type) {
        String[] parts = type.getName().split("\\.");
        return parts.length > 3 ? parts[2] : "";
    }

    // --- time comes from the injected clock --------------------------------------------------------------------

    /**
     * {@code Instant.now()}, {@code LocalDate.now(zone)} and the like read the machine's clock: the code they are in
     * cannot be tested by moving a fixed clock, and a time rule then depends on when the test runs. Inject
     * {@code java.time.Clock} and pass it ({@code LocalDate.now(clock)}, {@code clock.instant()}). Only the
     * platform's configuration creates the system clock.
     */
    @Test
    void mainCodeTakesTheTimeFromTheInjectedClock() {
        noClasses().that().doNotHaveFullyQualifiedName("org.ruleone.platform.internal.PlatformConfiguration")
                .should().callMethodWhere(DescribedPredicate.describe("a java.time now() without a Clock, or the "
                        + "system clock", HouseRulesTests::readsTheMachinesClock))
                .because("time comes from the injected java.time.Clock, so tests can move it (STYLE.md)")
                .check(MAIN_CLASSES);
    }

    private static boolean readsTheMachinesClock(JavaMethodCall call) {
        var target = call.getTarget();
        if (!target.getOwner().getPackageName().equals("java.time")) {
            return false;
        }
        boolean now = target.getName().equals("now")
                && target.getRawParameterTypes().stream().noneMatch(t -> t.isEquivalentTo(Clock.class));
        boolean systemClock = target.getOwner().isEquivalentTo(Clock.class) && target.getName().startsWith("system");
        return now || systemClock;
    }

    // --- new migrations leave domain times to the code ---------------------------------------------------------

    /**
     * A column defaulting to the database's clock takes a time the code's clock never saw: a test moving the clock
     * cannot reach it, and a replayed event would stamp the replay's time. The code writes domain times from the
     * injected clock or the event. A technical time may keep a default when its line says {@code -- technical time}.
     */
    @Test
    void newMigrationsGiveDomainTimesNoDatabaseDefault() {
        List<String> violations = new ArrayList<>();
        for (Path file : migrationFiles(MIGRATIONS)) {
            if (versionOf(file) >= FIRST_MIGRATION_WITHOUT_DEFAULT_NOW) {
                violations.addAll(databaseTimeDefaults(read(file)).stream()
                        .map(line -> file.getFileName() + ": " + line).toList());
            }
        }
        assertThat(violations)
                .as("columns defaulting to the database's clock in migrations from V"
                        + FIRST_MIGRATION_WITHOUT_DEFAULT_NOW + " on; write the time from the injected Clock or "
                        + "the event's time instead")
                .isEmpty();
    }

    @Test
    void theMigrationRuleFindsEveryFormOfTheDatabasesClock() {
        assertThat(databaseTimeDefaults("""
                create table visit (
                    id bigint primary key,
                    visited_at timestamptz not null default now(),
                    noted_on date not null default CURRENT_DATE,
                    seen_at timestamptz default current_timestamp,
                    vacuumed_at timestamptz not null default now(), -- technical time: when maintenance ran
                    due_on date not null
                );
                """)).hasSize(3);
    }

    private static final Pattern DATABASE_TIME_DEFAULT = Pattern.compile(
            "\\bdefault\\s+\\(?\\s*(now\\s*\\(|current_timestamp|current_date|current_time|localtimestamp|localtime"
                    + "|clock_timestamp|statement_timestamp|transaction_timestamp)", Pattern.CASE_INSENSITIVE);

    static List<String> databaseTimeDefaults(String migration) {
        return migration.lines()
                .filter(line -> DATABASE_TIME_DEFAULT.matcher(line.replaceAll("--.*", "")).find())
                .filter(line -> !line.contains("-- technical time"))
                .map(String::strip)
                .toList();
    }

    // --- files ---------------------------------------------------------------------------------------------------

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> migrationFiles(Path migrations) {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
