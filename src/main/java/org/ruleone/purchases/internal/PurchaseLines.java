package org.ruleone.purchases.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.ruleone.customers.ImportedCustomer;
import org.ruleone.platform.CsvReader;
import org.ruleone.platform.RejectedRow;
import org.ruleone.purchases.ColumnMapping;

/**
 * The one pass over a file: each record read through the column mapping ({@link RowParser}), a bad one rejected
 * with its line, a good one encoded for a binary {@code COPY} and sent straight into {@code purchase_line} while the
 * next rows are still being parsed, so the parser and the database work at the same time.
 */
final class PurchaseLines {

    /** Customers are handed on for their upsert in batches of this many, while the rest of the file is read. */
    static final int CUSTOMER_BATCH = 500;

    private PurchaseLines() {
    }

    /**
     * Streams the file's lines into {@code purchase_line}; {@code parsed} completes once every row is read (with
     * null when an all-or-nothing run met a bad row, which cancels the copy). Every {@value #CUSTOMER_BATCH}
     * customers met for the first time go to {@code newCustomers} (when not null) as soon as they are read; the
     * last ones stay in the scan ({@link ImportScan#takeNewCustomers}).
     */
    static ImportScan stream(CopyManager copyApi, Path file, ColumnMapping mapping, boolean allOrNothing,
                             long importId, PurchaseIds ids, ImportProgress progress,
                             CompletableFuture<ImportScan> parsed, Consumer<List<ImportedCustomer>> newCustomers)
            throws IOException, SQLException {
        ImportScan scan = new ImportScan();
        CopyIn copyIn = copyApi.copyIn("copy purchase_line (purchase_id, line_in_invoice, sku, description, "
                + "quantity, unit_price, import_id) from stdin with (format binary)");
        BinaryCopyRows out = new BinaryCopyRows(copyIn);
        try (CsvReader csv = new CsvReader(progress.counting(Files.newInputStream(file)), mapping.delimiter())) {
            RowParser parser = csv.next() ? parser(mapping, csv.fields()) : null;
            while (parser != null && csv.next()) {
                scan.rows++;
                progress.rows.lazySet((int) scan.rows);
                RowParser.Outcome outcome = parser.parse(csv);
                RowParser.Row row = outcome.row();
                if (row == null) {
                    scan.reject(new RejectedRow(csv.line(), outcome.reason(), outcome.detail(), csv.raw()));
                    if (allOrNothing && !scan.aborted) {
                        scan.aborted = true;
                        copyIn.cancelCopy();
                    }
                    continue;
                }
                ImportScan.Invoice invoice = scan.add(row, ids);
                if (newCustomers != null && scan.newCustomerCount() >= CUSTOMER_BATCH) {
                    newCustomers.accept(scan.takeNewCustomers());
                }
                if (!scan.aborted) {
                    out.row(7).int8(invoice.id).int4(row.lineInInvoice())
                            .text(row.bytes(), row.skuStart(), row.skuLength())
                            .text(row.bytes(), row.descriptionStart(), row.descriptionLength())
                            .int4(row.quantity()).decimal4(row.unitPrice()).int8(importId);
                    out.endRow();
                }
            }
            parsed.complete(scan.aborted ? null : scan);
            if (!scan.aborted) {
                scan.copied = out.finish();
            }
            return scan;
        } catch (IOException | SQLException | RuntimeException e) {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
            throw e;
        }
    }

    private static RowParser parser(ColumnMapping mapping, List<String> header) {
        if (mapping.highestColumn() >= header.size() || mapping.invoice() < 0 || mapping.date() < 0
                || mapping.unitPrice() < 0) {
            throw new IllegalArgumentException("The column mapping does not fit the file's header " + header);
        }
        return new RowParser(mapping, header);
    }
}
