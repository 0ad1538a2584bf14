import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.ruleone.RuleOneApplication;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.PurchaseImports;
import org.ruleone.shared.Language;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * What the database alone spends on a bulk load, by table design: imports the file once (for its lines), then COPYs
 * the same 541,909 lines (as PostgreSQL's binary COPY, as the import sends them) into new tables shaped like
 * {@code purchase_line} with and without an index, next to the raw CSV COPY into the staging table, and prints the
 * CPU of the server process that ran each COPY (from /proc: independent of what else the machine does).
 * Run after bench/import/run.sh has built the classes:
 * {@code $(bin/find-java) -cp "target/classes:$(cat target/classpath.txt)" bench/import/CopyCost.java}
 */
public class CopyCost {

    static final String LINE = "(purchase_id bigint not null, line_in_invoice integer not null, sku text not null "
            + "default '', description text not null default '', quantity integer not null, unit_price numeric(14,4) "
            + "not null, import_id bigint%s)";

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/online_retail/online_retail.csv");
        Path data = Files.createTempDirectory("rule-one-copy-cost-");
        System.setProperty("ruleone.embedded-db.data-directory", data.toString());
        System.setProperty("server.port", "-1");
        System.setProperty("spring.main.banner-mode", "off");
        System.setProperty("logging.level.root", "WARN");
        var context = new SpringApplicationBuilder(RuleOneApplication.class).run();
        try {
            DataSource dataSource = context.getBean(DataSource.class);
            long store = context.getBean(Organization.class).createStore(new StoreDraft("Bench", "", "GB",
                    ZoneId.of("Europe/London"), Language.EN, List.of()));
            context.getBean(PurchaseImports.class).importNow(new PurchaseImports.Request(store, file, "lines",
                    ColumnMapping.onlineRetail(), false, null));
            byte[] lines;
            try (Connection c = dataSource.getConnection()) {
                var out = new ByteArrayOutputStream();
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("copy purchase_line to stdout with (format binary)", out);
                lines = out.toByteArray();
            }
            byte[] csv = Files.readAllBytes(file);
            String[][] designs = {
                    {"raw CSV into the 8-text-column staging table", "create table %s (a text, b text, c text, "
                            + "d text, e text, f text, g text, h text)", "csv"},
                    {"lines, no index", "create table %s " + LINE.formatted(""), "binary"},
                    {"lines, primary key (purchase_id, line_in_invoice)", "create table %s "
                            + LINE.formatted(", primary key (purchase_id, line_in_invoice)"), "binary"},
                    {"lines, plain btree (purchase_id)", "create table %s " + LINE.formatted("")
                            + "; create index on %s (purchase_id)", "binary"},
                    {"lines, brin (purchase_id)", "create table %s " + LINE.formatted("")
                            + "; create index on %s using brin (purchase_id)", "binary"},
            };
            for (int round = 1; round <= 3; round++) {
                for (int i = 0; i < designs.length; i++) {
                    String table = "copy_cost_" + round + "_" + i;
                    try (Connection c = dataSource.getConnection()) {
                        c.createStatement().execute(designs[i][1].replace("%s", table));
                        boolean raw = designs[i][2].equals("csv");
                        long cpu = backendTicks(c);
                        long start = System.nanoTime();
                        c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin "
                                + (raw ? "with (format csv, header true)" : "with (format binary)"),
                                new ByteArrayInputStream(raw ? csv : lines), 1 << 16);
                        System.out.printf("round %d: %-50s server cpu %.2f s, elapsed %.2f s%n", round,
                                designs[i][0], (backendTicks(c) - cpu) / 100.0, (System.nanoTime() - start) / 1e9);
                    }
                }
            }
        } finally {
            context.close();
            try (var paths = Files.walk(data)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** User and system clock ticks (1/100 s) of the server process behind this connection. */
    static long backendTicks(Connection c) throws Exception {
        int pid;
        try (ResultSet rs = c.createStatement().executeQuery("select pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
