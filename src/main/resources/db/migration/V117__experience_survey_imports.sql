-- Past survey results imported from another tool's CSV export (issue 11 item 6, ADR 0096). A run is one file; its
-- answers are survey_answer rows with channel IMPORT, import_id and an external_id that makes a re-import add nothing.
create table survey_import (
    id              bigint generated always as identity primary key,
    -- the store chosen on the mapping screen: rows without a store column go there
    store_id        bigint      not null references store (id),
    file_name       text        not null,
    -- the columns, scales, date format and encoding, so the shell can reuse a browser's mapping
    mapping         jsonb       not null,
    status          text        not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    rows_read       integer     not null default 0,
    rows_imported   integer     not null default 0,
    rows_skipped    integer     not null default 0,
    rows_rejected   integer     not null default 0,
    -- rows that named an invoice of the store, and those whose invoice the store does not have
    invoices_tied   integer     not null default 0,
    invoices_unknown integer    not null default 0,
    clients_created integer     not null default 0,
    -- share of the file read, 0 to 1000, for the progress bar on any node
    progress        integer     not null default 0,
    problem         text,
    started_by      bigint      references associate (id),
    started_at      timestamptz not null,
    finished_at     timestamptz,
    -- written while the run reads; a RUNNING run without a heartbeat for a while died with its process
    heartbeat_at    timestamptz not null
);
create index survey_import_store on survey_import (store_id, id desc);

create table survey_import_error (
    import_id  bigint  not null references survey_import (id) on delete cascade,
    line_no    integer not null,
    reason     text    not null,
    detail     text    not null default '',
    raw        text    not null default '',
    primary key (import_id, line_no)
);

alter table survey_answer
    add constraint survey_answer_import foreign key (import_id) references survey_import (id);
create index survey_answer_import on survey_answer (import_id) where import_id is not null;
