import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.List;
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
            double copyBefore = copy(dataSource, file, "bench_staging_1");
            long start = System.nanoTime();
            ImportSummary summary = context.getBean(PurchaseImports.class).importNow(new PurchaseImports.Request(
                    store, file, file.getFileName().toString(), ColumnMapping.onlineRetail(), false, null));
            double imported = (System.nanoTime() - start) / 1e9;
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
            System.out.printf(Locale.ROOT, "import/copy ratio: %.2f%n", imported / copy);
        } finally {
            context.close();
            deleteTree(data);
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
