-- Products with their price; per store the stock and where the item sits; requests to send an item to a client.
create table product (
    id          bigint generated always as identity primary key,
    sku         text          not null,
    name        text          not null,
    price       numeric(14,2) not null check (price >= 0),
    currency    text          not null check (currency ~ '^[A-Z]{3}$'),
    updated_at  timestamptz   not null default now(),
    -- Folded name and SKU that the typo-tolerant search matches against.
    search_text text generated always as (ro_fold(name || ' ' || sku)) stored
);
create unique index product_sku on product (lower(sku));
create index product_search_trgm on product using gin (search_text gin_trgm_ops);

create table product_stock (
    product_id  bigint      not null references product (id) on delete cascade,
    store_id    bigint      not null references store (id),
    quantity    integer     not null check (quantity >= 0),
    department  text        not null default '',
    aisle       text        not null default '',
    updated_at  timestamptz not null default now(),
    primary key (product_id, store_id)
);
create index product_stock_store on product_stock (store_id);

create table catalog_import (
    id             bigint generated always as identity primary key,
    file_name      text        not null,
    rows_read      integer     not null default 0,
    rows_imported  integer     not null default 0,
    rows_rejected  integer     not null default 0,
    started_by     bigint      references associate (id),
    finished_at    timestamptz not null
);

create table catalog_import_error (
    import_id  bigint  not null references catalog_import (id) on delete cascade,
    line_no    integer not null,
    reason     text    not null,
    detail     text    not null default '',
    raw        text    not null default '',
    primary key (import_id, line_no)
);

-- One store asks another to send an item to one of its clients; the stores move it along.
create table transfer_request (
    id            bigint generated always as identity primary key,
    product_id    bigint      not null references product (id),
    from_store_id bigint      not null references store (id),
    to_store_id   bigint      not null references store (id),
    customer_id   bigint      not null references customer (id),
    quantity      integer     not null check (quantity > 0),
    note          text        not null default '',
    status        text        not null check (status in ('REQUESTED', 'SENT', 'RECEIVED', 'CANCELLED')),
    requested_by  bigint      not null references associate (id),
    requested_at  timestamptz not null,
    updated_by    bigint      references associate (id),
    updated_at    timestamptz not null,
    check (from_store_id <> to_store_id)
);
create index transfer_request_from on transfer_request (from_store_id, status, requested_at desc);
create index transfer_request_to on transfer_request (to_store_id, requested_at desc);
create index transfer_request_customer on transfer_request (customer_id, requested_at desc);
