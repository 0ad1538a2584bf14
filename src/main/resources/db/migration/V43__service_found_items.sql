-- Lost and found: what someone found in a store, until its owner claims it through a case.
create table found_item (
    id               bigint      generated always as identity primary key,
    store_id         bigint      not null references store (id),
    what             text        not null check (btrim(what) <> ''),
    description      text        not null default '',
    found_where      text        not null default '',
    found_at         timestamptz not null,
    found_by         text        not null default '',
    logged_by        bigint      not null references associate (id),
    logged_at        timestamptz not null,
    claimed_case_id  bigint      references service_case (id),
    claimed_at       timestamptz,
    constraint found_item_claimed check ((claimed_case_id is null) = (claimed_at is null))
);
create index found_item_unclaimed on found_item (store_id, found_at desc) where claimed_case_id is null;
-- Matching a customer's report to found items by trigram similarity of their words.
create index found_item_text_trgm on found_item
    using gin (ro_fold(what || ' ' || description) gin_trgm_ops) where claimed_case_id is null;
