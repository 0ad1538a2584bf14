-- Proof that a client was erased (GDPR Art. 17, ADR 0117): when, who, why and the pseudonym that now stands in
-- for them; never the erased data itself.
create table privacy_erasure (
    id          bigint generated always as identity primary key,
    store_id    bigint      not null,
    customer_id bigint      not null unique,
    pseudonym   text        not null,
    reason      text        not null,
    source      text        not null check (source in ('REQUEST', 'RETENTION')),
    erased_by   bigint,
    erased_at   timestamptz not null
);
create index privacy_erasure_store on privacy_erasure (store_id, erased_at desc);

-- The owner's retention rules (ADR 0118): one row per rule, off until the owner sets a period.
create table privacy_retention_rule (
    rule        text        primary key,
    period      integer     check (period > 0),
    changed_by  bigint,
    changed_at  timestamptz
);

-- Each nightly (or by hand) run: what each rule touched.
create table privacy_retention_run (
    id          bigint generated always as identity primary key,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    touched     jsonb       not null,
    started_by  bigint
);
create index privacy_retention_run_started on privacy_retention_run (started_at desc);
