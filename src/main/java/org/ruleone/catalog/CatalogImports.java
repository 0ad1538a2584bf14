package org.ruleone.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.CsvColumns;
import org.ruleone.platform.CsvLimits;
import org.ruleone.platform.CsvPreview;
import org.ruleone.platform.CsvReader;
import org.ruleone.platform.NumberStyle;
import org.ruleone.platform.RejectedRow;
import org.ruleone.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads products and stock from a CSV file whose columns are mapped to {@link CatalogColumn}s, as the purchases import
 * does for till exports. A good row is saved; a bad one is listed with its line number and reason and nothing of it
 * is kept. Product master data (name, price, currency) is the owner's: a manager's import changes only the stock and
 * the place of products already in the catalog, in their own store.
 */
@Service
public class CatalogImports {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Organization organization;
    private final Clock clock;

    CatalogImports(JdbcClient jdbc, Catalog catalog, Organization organization, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.organization = organization;
        this.clock = clock;
    }

    /**
     * The header line of a file, to map its columns.
     *
     * @throws CsvLimits.Refused when the header is beyond the {@link CsvLimits}
     */
    public List<String> headers(InputStream file) throws IOException {
        return CsvPreview.read(file, 0, 0).header().stream().map(String::strip).toList();
    }

    /** Guesses the column for each field from the header names (English, French, Polish). */
    public static Map<CatalogColumn, Integer> guess(List<String> headers) {
        return CsvColumns.guess(headers, CatalogColumn.class, name -> switch (name) {
                case "sku", "ref", "reference", "stockcode", "code", "indeks" -> CatalogColumn.SKU;
                case "name", "nom", "nazwa", "description", "product", "produit", "produkt" -> CatalogColumn.NAME;
                case "price", "prix", "cena", "unitprice" -> CatalogColumn.PRICE;
                case "currency", "devise", "waluta" -> CatalogColumn.CURRENCY;
                case "store", "magasin", "sklep", "shop" -> CatalogColumn.STORE;
                case "quantity", "qty", "stock", "quantite", "ilosc" -> CatalogColumn.QUANTITY;
                case "department", "rayon", "dzial", "departement" -> CatalogColumn.DEPARTMENT;
                case "aisle", "allee", "alejka", "location", "emplacement" -> CatalogColumn.AISLE;
                default -> null;
            });
    }

    /** The columns a person must map: the owner's file makes products (SKU, name, price), a manager's only stock. */
    public static Set<CatalogColumn> requiredColumns(SignedInAssociate me) {
        if (!me.isOwner()) {
            return EnumSet.of(CatalogColumn.SKU);
        }
        EnumSet<CatalogColumn> required = EnumSet.noneOf(CatalogColumn.class);
        for (CatalogColumn c : CatalogColumn.values()) {
            if (c.required()) {
                required.add(c);
            }
        }
        return required;
    }

    /**
     * Imports every row, or nothing when the file is beyond the {@link CsvLimits} (refused with the line).
     *
     * @param mapping         the column index of each mapped field; see {@link #requiredColumns}
     * @param defaultStoreId  the store for rows with no store column (required for a manager)
     * @param defaultCurrency the currency for rows with no currency column
     */
    @Transactional(rollbackFor = IOException.class)
    public CatalogImportResult run(String fileName, InputStream file, Map<CatalogColumn, Integer> mapping,
                                   Long defaultStoreId, String defaultCurrency, SignedInAssociate me)
            throws IOException {
        for (CatalogColumn c : requiredColumns(me)) {
            if (!mapping.containsKey(c)) {
                throw new IllegalArgumentException("Column " + c + " is not mapped");
            }
        }
        if (defaultStoreId != null && !me.canSeeStore(defaultStoreId)) {
            throw new IllegalArgumentException("Store outside scope");
        }
        int read = 0;
        int imported = 0;
        List<RejectedRow> rejected = new ArrayList<>();
        // The purchases' reader: the separator (, ; or tab) found in the header, a byte-order mark skipped, UTF-8
        // checked row by row, the limits of CsvLimits.
        try (CsvReader csv = CsvReader.detecting(file)) {
            boolean header = true;
            while (csv.next()) {
                if (header) {
                    header = false;
                    continue;
                }
                List<String> record = csv.fields();
                int line = (int) csv.line();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                read++;
                String raw = csv.raw();
                try {
                    if (csv.malformed()) {
                        throw new BadRow("BAD_ENCODING", "");
                    }
                    if (me.isOwner()) {
                        catalog.save(parse(record, mapping, defaultStoreId, defaultCurrency, me));
                    } else {
                        saveStock(record, mapping, defaultStoreId, me);
                    }
                    imported++;
                } catch (BadRow bad) {
                    rejected.add(new RejectedRow(line, bad.reason, bad.detail, abbreviate(raw)));
                }
            }
        }
        long id = jdbc.sql("""
                insert into catalog_import (file_name, rows_read, rows_imported, rows_rejected, started_by, finished_at)
                values (:f, :r, :i, :x, :by, :at) returning id
                """)
                .param("f", fileName == null ? "" : fileName).param("r", read).param("i", imported)
                .param("x", rejected.size()).param("by", me.id()).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        for (var r : rejected) {
            jdbc.sql("""
                    insert into catalog_import_error (import_id, line_no, reason, detail, raw)
                    values (:id, :line, :reason, :detail, :raw) on conflict do nothing
                    """)
                    .param("id", id).param("line", r.lineNo()).param("reason", r.reason()).param("detail", r.detail())
                    .param("raw", r.raw()).update();
        }
        return new CatalogImportResult(id, read, imported, rejected);
    }

    private ProductDraft parse(List<String> record, Map<CatalogColumn, Integer> mapping, Long defaultStoreId,
                               String defaultCurrency, SignedInAssociate me) {
        checkColumnCount(record, mapping);
        String sku = value(record, mapping, CatalogColumn.SKU);
        if (sku.isEmpty()) {
            throw new BadRow("MISSING_SKU", "");
        }
        String name = value(record, mapping, CatalogColumn.NAME);
        if (name.isEmpty()) {
            throw new BadRow("MISSING_NAME", sku);
        }
        String priceText = value(record, mapping, CatalogColumn.PRICE);
        // 189.00, 189,00, 1 234,56, 2.350,00 and 1,234.56 each have one reading; 1.300 (1.3 or 1300?) has two and is
        // refused rather than guessed.
        BigDecimal price = NumberStyle.readUnambiguous(priceText, 4)
                .orElseThrow(() -> new BadRow("BAD_PRICE", priceText));
        if (price.signum() < 0) {
            throw new BadRow("BAD_PRICE", priceText);
        }
        String currency = mapping.containsKey(CatalogColumn.CURRENCY)
                ? value(record, mapping, CatalogColumn.CURRENCY).toUpperCase(Locale.ROOT)
                : (defaultCurrency == null ? "" : defaultCurrency.strip().toUpperCase(Locale.ROOT));
        if (!Money.isCurrency(currency)) {
            throw new BadRow("BAD_CURRENCY", currency);
        }
        Long storeId = storeOf(record, mapping, defaultStoreId, me);
        Integer quantity = quantity(record, mapping);
        if (storeId == null && (quantity != null || mapping.containsKey(CatalogColumn.AISLE))) {
            throw new BadRow("MISSING_STORE", "");
        }
        return new ProductDraft(sku, name, Money.of(price, currency), storeId, quantity,
                value(record, mapping, CatalogColumn.DEPARTMENT), value(record, mapping, CatalogColumn.AISLE));
    }

    /** A manager's row: the stock and place of an existing product in their store; name and price are ignored. */
    private void saveStock(List<String> record, Map<CatalogColumn, Integer> mapping, Long defaultStoreId,
                           SignedInAssociate me) {
        checkColumnCount(record, mapping);
        String sku = value(record, mapping, CatalogColumn.SKU);
        if (sku.isEmpty()) {
            throw new BadRow("MISSING_SKU", "");
        }
        Long storeId = storeOf(record, mapping, defaultStoreId, me);
        if (storeId == null) {
            throw new BadRow("MISSING_STORE", "");
        }
        Product product = catalog.productBySku(sku).orElseThrow(() -> new BadRow("NEW_PRODUCT", sku));
        catalog.saveStock(product.id(), storeId, quantity(record, mapping),
                mapping.containsKey(CatalogColumn.DEPARTMENT) ? value(record, mapping, CatalogColumn.DEPARTMENT) : null,
                mapping.containsKey(CatalogColumn.AISLE) ? value(record, mapping, CatalogColumn.AISLE) : null);
    }

    private static void checkColumnCount(List<String> record, Map<CatalogColumn, Integer> mapping) {
        int needed = mapping.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (record.size() < needed) {
            throw new BadRow("COLUMN_COUNT", record.size() + " < " + needed);
        }
    }

    private Long storeOf(List<String> record, Map<CatalogColumn, Integer> mapping, Long defaultStoreId,
                         SignedInAssociate me) {
        Long storeId = defaultStoreId;
        if (mapping.containsKey(CatalogColumn.STORE) && !value(record, mapping, CatalogColumn.STORE).isEmpty()) {
            String storeName = value(record, mapping, CatalogColumn.STORE);
            Optional<StoreSummary> store = organization.storeNamed(storeName);
            if (store.isEmpty()) {
                throw new BadRow("UNKNOWN_STORE", storeName);
            }
            storeId = store.get().id();
        }
        if (storeId != null && !me.canSeeStore(storeId)) {
            throw new BadRow("STORE_OUT_OF_SCOPE", String.valueOf(storeId));
        }
        return storeId;
    }

    private static Integer quantity(List<String> record, Map<CatalogColumn, Integer> mapping) {
        if (!mapping.containsKey(CatalogColumn.QUANTITY)) {
            return null;
        }
        String q = value(record, mapping, CatalogColumn.QUANTITY);
        int quantity;
        try {
            quantity = q.isEmpty() ? 0 : Integer.parseInt(q);
        } catch (NumberFormatException e) {
            throw new BadRow("BAD_QUANTITY", q);
        }
        if (quantity < 0) {
            throw new BadRow("BAD_QUANTITY", q);
        }
        return quantity;
    }

    private static String value(List<String> record, Map<CatalogColumn, Integer> mapping, CatalogColumn column) {
        return CsvColumns.value(record, mapping.get(column));
    }

    private static String abbreviate(String raw) {
        return raw.length() > 300 ? raw.substring(0, 300) + "…" : raw;
    }

    private static final class BadRow extends RuntimeException {
        final String reason;
        final String detail;

        BadRow(String reason, String detail) {
            super(reason, null, false, false);
            this.reason = reason;
            this.detail = detail;
        }
    }
}
