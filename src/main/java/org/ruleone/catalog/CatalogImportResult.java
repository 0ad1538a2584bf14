package org.ruleone.catalog;

import java.util.List;

/** What an import of a product file did, with each rejected line and why. */
public record CatalogImportResult(long id, int rowsRead, int rowsImported, List<Rejected> rejected) {

    /** @param reason a message key suffix, e.g. {@code BAD_PRICE} */
    public record Rejected(int line, String reason, String detail, String raw) {
    }
}
