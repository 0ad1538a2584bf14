package org.ruleone.purchases.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ruleone.customers.ImportedCustomer;
import org.ruleone.platform.RejectedRow;
import org.ruleone.purchases.ImportStatus;
import org.ruleone.purchases.ImportSummary;

/** What one pass over a file learnt: its invoices summed up, its customers, its rejected rows and its figures. */
final class ImportScan {

    private static final int KEPT_REJECTIONS = 1000;

    long rows;
    long good;
    long copied;
    long cancellations;
    long returns;
    long walkIns;
    long amount;
    boolean aborted;
    final Map<String, Invoice> invoices = new LinkedHashMap<>();
    /** Rows of one invoice usually follow each other: the last one found saves a lookup. */
    private String lastKey;
    private Invoice last;
    private String lastCustomer;
    final Map<String, String> customers = new HashMap<>();
    /** Customers met for the first time since the last {@link #takeNewCustomers}. */
    private List<ImportedCustomer> newCustomers = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();
    long rejectedCount;

    /** One invoice of the file, summed up as its rows go by. */
    static final class Invoice {
        final long id;
        String customer;
        String purchasedAt;
        String country;
        long total;
        long items;
        int lines;
        boolean isReturn;

        Invoice(long id) {
            this.id = id;
        }
    }

    Invoice add(RowParser.Row row, PurchaseIds ids) throws SQLException {
        good++;
        long lineAmount = row.quantity() * row.unitPrice();
        amount += lineAmount;
        Invoice invoice = row.invoice() == lastKey ? last : invoices.get(row.invoice());
        if (invoice == null) {
            invoice = new Invoice(ids.next());
            invoice.purchasedAt = row.purchasedAt();
            invoice.country = row.country();
            invoice.isReturn = row.markedReturn();
            invoices.put(row.invoice(), invoice);
        }
        lastKey = row.invoice();
        last = invoice;
        invoice.total += lineAmount;
        invoice.items += row.quantity();
        invoice.lines++;
        if (row.markedReturn()) {
            cancellations++;
        }
        if (row.quantity() < 0) {
            returns++;
            invoice.isReturn = true;
        }
        if (row.customer() == null) {
            walkIns++;
        } else {
            if (invoice.customer == null) {
                invoice.customer = row.customer();
            }
            if (row.customer() != lastCustomer) {
                if (customers.putIfAbsent(row.customer(), row.country()) == null) {
                    newCustomers.add(new ImportedCustomer(row.customer(), row.country()));
                }
                lastCustomer = row.customer();
            }
        }
        return invoice;
    }

    int newCustomerCount() {
        return newCustomers.size();
    }

    /** The customers met for the first time since the last call (each customer of the file is in one answer). */
    List<ImportedCustomer> takeNewCustomers() {
        List<ImportedCustomer> taken = newCustomers;
        newCustomers = new ArrayList<>();
        return taken;
    }

    void reject(RejectedRow row) {
        rejectedCount++;
        if (rejected.size() < KEPT_REJECTIONS) {
            rejected.add(row);
        }
    }

    ImportSummary summary(long id, ImportStatus status, long imported, long invoicesAdded, long customersCreated,
                          long millis, String problem) {
        return new ImportSummary(id, status, rows, imported, status == ImportStatus.COMPLETED ? good - imported : 0,
                rejectedCount, invoices.size(), customers.size(), invoicesAdded, customersCreated, cancellations,
                returns, walkIns,
                BigDecimal.valueOf(amount, RowParser.PRICE_SCALE).setScale(2, RoundingMode.HALF_UP),
                millis, problem);
    }
}
