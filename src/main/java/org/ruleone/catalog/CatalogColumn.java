package org.ruleone.catalog;

/** A field of a catalog import that a column of the file can be mapped to. */
public enum CatalogColumn {
    SKU(true), NAME(true), PRICE(true), CURRENCY(false), STORE(false), QUANTITY(false), DEPARTMENT(false),
    AISLE(false);

    private final boolean required;

    CatalogColumn(boolean required) {
        this.required = required;
    }

    public boolean required() {
        return required;
    }
}
