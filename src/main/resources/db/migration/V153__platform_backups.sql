-- Backups of the embedded database (ADR 0121): where the owner keeps them and how many, and every run.

-- One row: the folder (absolute), how many backups to keep there, and whether the owner confirmed a folder inside
-- the data directory (same disk: no help when that disk dies).
create table backup_setting (
    id                       int primary key check (id = 1),
    folder                   text    not null,
    keep                     int     not null check (keep between 1 and 100),
    inside_data_directory_ok boolean not null,
    changed_at               timestamptz not null
);

-- Each backup, nightly or asked for by the owner, recorded when it ends (so a backup never holds its own run as
-- unfinished); a failure keeps its reason.
create table backup_run (
    id          bigint generated always as identity primary key,
    trigger     text        not null check (trigger in ('NIGHTLY', 'OWNER')),
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    file        text,
    size_bytes  bigint,
    row_count   bigint,
    verified    boolean     not null default false,
    failure     text
);
create index backup_run_recent on backup_run (started_at desc);
