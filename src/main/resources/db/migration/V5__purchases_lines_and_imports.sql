-- One import run of a CSV file; a run never shows COMPLETED unless all its rows committed.
create table purchase_import (
    id              bigint generated always as identity primary key,
    store_id        bigint      not null references store (id),
    file_name       text        not null,
    file_sha256     text        not null,
    -- Where the file is kept while the run may still be resumed (an upload, or the path given to the shell import).
    file_path       text,
    file_size       bigint      not null default 0,
    mapping         jsonb       not null,
    all_or_nothing  boolean     not null default false,
    status          text        not null check (status in ('RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED', 'ROLLED_BACK')),
    rows_read       integer     not null default 0,
    rows_imported   integer     not null default 0,
    rows_skipped    integer     not null default 0,
    rows_rejected   integer     not null default 0,
    -- Share of the work done, 0 to 1000, for the progress bar on any node.
    progress        integer     not null default 0,
    summary         jsonb,
    started_by      bigint      references associate (id),
    started_at      timestamptz not null,
    finished_at     timestamptz,
    heartbeat_at    timestamptz not null
);
create index purchase_import_store on purchase_import (store_id, id desc);
create index purchase_import_running on purchase_import (heartbeat_at) where status = 'RUNNING';

create table purchase_import_error (
    import_id  bigint  not null references purchase_import (id) on delete cascade,
    line_no    integer not null,
    reason     text    not null check (reason in ('COLUMN_COUNT', 'BAD_ENCODING', 'MISSING_INVOICE', 'BAD_NUMBER', 'BAD_DATE')),
    detail     text    not null default '',
    raw        text    not null default '',
    primary key (import_id, line_no)
);

-- A purchase is one invoice: the lines sharing an invoice number in a store. A return or cancellation is a purchase
-- line with a negative quantity (cancellation invoices start with "C"). Totals are kept on the purchase so the client
-- page reads one row per visit. Bulk loads reserve ids from the sequence in blocks, so lines can be streamed in
-- before their purchase row is written.
create sequence purchase_id_seq;
create table purchase (
    id            bigint        primary key default nextval('purchase_id_seq'),
    store_id      bigint        not null references store (id),
    -- Byte order ("C"): invoice numbers need no linguistic sorting, and byte comparisons keep bulk loads fast.
    invoice_no    text          collate "C" not null,
    customer_id   bigint        references customer (id),
    purchased_at  timestamptz   not null,
    country       text          not null default '',
    total         numeric(18,4) not null,
    items         integer       not null,
    line_count    integer       not null,
    is_return     boolean       not null,
    import_id     bigint        references purchase_import (id),
    unique (store_id, invoice_no)
);
alter sequence purchase_id_seq owned by purchase.id;
create index purchase_customer on purchase (customer_id, purchased_at desc) where customer_id is not null;

-- Deliberately one index: every index slows each bulk load. A line is identified by its purchase and position,
-- so re-importing the same rows adds nothing.
create table purchase_line (
    purchase_id     bigint        not null references purchase (id) on delete cascade deferrable initially immediate,
    line_in_invoice integer       not null,
    sku             text          not null default '',
    description     text          not null default '',
    quantity        integer       not null,
    unit_price      numeric(14,4) not null,
    import_id       bigint,
    primary key (purchase_id, line_in_invoice)
);
