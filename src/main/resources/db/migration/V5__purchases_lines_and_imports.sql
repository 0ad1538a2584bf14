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

-- A purchase is the set of lines sharing an invoice number; a return is a line with a negative quantity.
create table purchase_line (
    id             bigint generated always as identity primary key,
    store_id       bigint        not null references store (id),
    customer_id    bigint        references customer (id),
    invoice_no     text          not null,
    line_in_invoice integer      not null,
    purchased_at   timestamptz   not null,
    sku            text          not null default '',
    description    text          not null default '',
    quantity       integer       not null,
    unit_price     numeric(14,4) not null,
    country        text          not null default '',
    import_id      bigint        references purchase_import (id)
);
-- Re-importing the same rows adds nothing: a line is identified by its store, invoice and position in it.
create unique index purchase_line_identity on purchase_line (store_id, invoice_no, line_in_invoice);
create index purchase_line_customer on purchase_line (customer_id, purchased_at) where customer_id is not null;
create index purchase_line_import on purchase_line (import_id);
