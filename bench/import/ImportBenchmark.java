import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.ruleone.RuleOneApplication;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.ImportStatus;
import org.ruleone.purchases.ImportSummary;
import org.ruleone.purchases.PurchaseImports;
import org.ruleone.shared.Language;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Times the purchase import of a whole CSV file against a raw PostgreSQL COPY of the same file into an unindexed
 * staging table, on the same fresh embedded database, in the same run. See README.md.
 */
public class ImportBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/online_retail/online_retail.csv");
        Path data = Files.createTempDirectory("rule-one-bench-");
        // System properties win over application.properties; builder defaults would not.
        System.setProperty("ruleone.embedded-db.data-directory", data.toString());
        System.setProperty("server.port", "-1");
        System.setProperty("spring.main.banner-mode", "off");
        System.setProperty("logging.level.root", "WARN");
        System.setProperty("logging.level.org.ruleone.purchases", "INFO");
        var context = new SpringApplicationBuilder(RuleOneApplication.class).run();
        try {
            DataSource dataSource = context.getBean(DataSource.class);
            long store = context.getBean(Organization.class).createStore(new StoreDraft("Bench", "", "GB",
                    ZoneId.of("Europe/London"), Language.EN, List.of()));
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(java.io.OutputStream.nullOutputStream()); // both contenders read from the page cache
            }
            settle();
            Cpu copyCpu = new Cpu(dataSource);
            double copyBefore = copy(dataSource, file, "bench_staging_1");
            copyCpu.stop();
            Cpu importCpu = new Cpu(dataSource);
            long start = System.nanoTime();
            ImportSummary summary = context.getBean(PurchaseImports.class).importNow(new PurchaseImports.Request(
                    store, file, file.getFileName().toString(), ColumnMapping.onlineRetail(), false, null));
            double imported = (System.nanoTime() - start) / 1e9;
            importCpu.stop();
            // The import's listeners (rankings, tasks, surveys, proof) run after its commit: they are not part of
            // the import's time, and must not slow the second COPY down either.
            waitForListeners(dataSource);
            double copyAfter = copy(dataSource, file, "bench_staging_2");
            if (summary.status() != ImportStatus.COMPLETED) {
                throw new IllegalStateException("Import did not complete: " + summary);
            }
            double copy = (copyBefore + copyAfter) / 2;
            System.out.printf(Locale.ROOT, "file: %s (%,d bytes)%n", file, Files.size(file));
            System.out.printf(Locale.ROOT, "import: %.3f s (%,d rows read, %,d imported, %,d customers, %,d invoices)%n",
                    imported, summary.rowsRead(), summary.rowsImported(), summary.customers(), summary.invoices());
            System.out.printf(Locale.ROOT, "copy into staging: %.3f s before, %.3f s after, mean %.3f s%n",
                    copyBefore, copyAfter, copy);
            System.out.printf(Locale.ROOT, "cpu seconds: import %.2f (java %.2f, postgres %.2f), first copy %.2f "
                    + "(java %.2f, postgres %.2f)%n", importCpu.java + importCpu.postgres, importCpu.java,
                    importCpu.postgres, copyCpu.java + copyCpu.postgres, copyCpu.java, copyCpu.postgres);
            System.out.printf(Locale.ROOT, "java threads during the import: %s%n", importCpu.topThreads());
            System.out.printf(Locale.ROOT, "import/copy ratio: %.2f%n", imported / copy);
        } finally {
            context.close();
            deleteTree(data);
        }
    }

    /**
     * Waits (at most 20 s) until this JVM is idle, i.e. it used less than a tenth of a core over half a second: the
     * compilers are done with what the start-up made hot, as on a server that has been up for a while.
     */
    static void settle() throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        while (System.nanoTime() - start < 20_000_000_000L) {
            Thread.sleep(500);
            long now = os.getProcessCpuTime();
            if (now - cpu < 50_000_000L) {
                break;
            }
            cpu = now;
        }
        System.out.printf(Locale.ROOT, "settled after start-up in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Waits (at most a minute) until every event publication of the import is completed. */
    static void waitForListeners(DataSource dataSource) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        try (Connection connection = dataSource.getConnection()) {
            while (System.nanoTime() < until) {
                try (var rs = connection.createStatement()
                        .executeQuery("select count(*) from event_publication where completion_date is null")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        System.out.println("listeners still running after 60 s");
    }

    /**
     * CPU used between its creation and {@link #stop}: by this JVM, and by every process of the embedded PostgreSQL
     * server (its backends, WAL writer, checkpointer…), read from /proc. Unlike elapsed time, it hardly depends on
     * what else the shared machine is doing.
     */
    static final class Cpu {
        final int postmaster;
        final long javaStart;
        final long postgresStart;
        double java;
        double postgres;

        Cpu(DataSource dataSource) throws Exception {
            try (Connection connection = dataSource.getConnection(); var rs = connection.createStatement()
                    .executeQuery("select pg_backend_pid()")) {
                rs.next();
                postmaster = parent(rs.getInt(1));
            }
            javaStart = javaNanos();
            postgresStart = postgresTicks();
        }

        final Map<String, Long> threadsStart = javaThreads();
        final Map<String, Long> threads = new HashMap<>();

        void stop() throws Exception {
            java = (javaNanos() - javaStart) / 1e9;
            javaThreads().forEach((name, ticks) -> threads.put(name, ticks - threadsStart.getOrDefault(name, 0L)));
            postgres = (postgresTicks() - postgresStart) / 100.0;
        }

        /** The Java threads with the most CPU, by kind (numbers dropped: "C2 CompilerThread", "GC Thread"…). */
        String topThreads() {
            return threads.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 100.0))
                    .collect(Collectors.joining(", "));
        }

        /** Clock ticks of this JVM's threads, summed by name (digits dropped). */
        private static Map<String, Long> javaThreads() throws java.io.IOException {
            Map<String, Long> ticks = new HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String text = Files.readString(task.resolve("stat"));
                        String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'))
                                .replaceAll("[#0-9-]+$", "").strip();
                        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
                        ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                    } catch (java.io.IOException | RuntimeException gone) {
                        // a thread that ended meanwhile
                    }
                }
            }
            return ticks;
        }

        private static long javaNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }

        private static int parent(int pid) throws java.io.IOException {
            return Integer.parseInt(stat(pid)[1]);
        }

        /** The fields of /proc/PID/stat after the command name: state, ppid, … (utime and stime at 11 and 12). */
        private static String[] stat(int pid) throws java.io.IOException {
            String text = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        }

        /** Clock ticks (1/100 s) of the postmaster and its children. */
        private long postgresTicks() throws java.io.IOException {
            long ticks = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path p : processes.toList()) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        int pid = Integer.parseInt(name);
                        String[] f = stat(pid);
                        if (pid == postmaster || Integer.parseInt(f[1]) == postmaster) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // a process that ended meanwhile
                    }
                }
            }
            return ticks;
        }
    }

    /** The throw-away database is a few hundred megabytes: it goes once the figures are printed. */
    static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** COPY of the raw file through the driver into a new unindexed table of text columns, committed. */
    static double copy(DataSource dataSource, Path file, String table) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("create table " + table + " (invoice_no text, stock_code text, "
                    + "description text, quantity text, invoice_date text, unit_price text, customer_id text, country text)");
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + table + " from stdin with (format csv, header true)", in, 1 << 16);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
