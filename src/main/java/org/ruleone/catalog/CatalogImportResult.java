package org.ruleone.catalog;

import java.util.List;

import org.ruleone.platform.RejectedRow;

/**
 * What an import of a product file did, with each rejected line and why (its reason a message key suffix, e.g.
 * {@code BAD_PRICE}).
 */
public record CatalogImportResult(long id, int rowsRead, int rowsImported, List<RejectedRow> rejected) {
}
