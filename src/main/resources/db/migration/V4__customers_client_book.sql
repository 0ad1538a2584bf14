create table customer (
    id             bigint generated always as identity primary key,
    store_id       bigint      not null references store (id),
    external_id    text,
    first_name     text        not null default '',
    last_name      text        not null default '',
    email          text,
    phone          text,
    address_line1  text        not null default '',
    address_line2  text        not null default '',
    postal_code    text        not null default '',
    city           text        not null default '',
    region         text        not null default '',
    country        text        not null default '',
    language       text        not null default 'en' check (language in ('en', 'fr', 'pl')),
    sizes          text        not null default '',
    notes          text        not null default '',
    associate_id   bigint      references associate (id),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    -- Folded (lower-case, accents removed) text the client search matches against.
    search_text    text generated always as (
        ro_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' ||
                coalesce(email, '') || ' ' || coalesce(external_id, ''))) stored,
    -- Phone digits only, so "+44 (0)20 7946" finds "00442079460000".
    phone_digits   text generated always as (regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')) stored
);
-- A POS customer number identifies one client across the chain.
create unique index customer_external_id on customer (external_id) where external_id is not null;
create index customer_store on customer (store_id);
create index customer_associate on customer (associate_id);
create index customer_search_trgm on customer using gin (search_text gin_trgm_ops);
create index customer_phone_trgm on customer using gin (phone_digits gin_trgm_ops);
create index customer_email on customer (lower(email));

create table customer_tag (
    customer_id bigint not null references customer (id) on delete cascade,
    tag         text   not null,
    primary key (customer_id, tag)
);
create index customer_tag_tag on customer_tag (tag);

create table customer_date (
    id          bigint generated always as identity primary key,
    customer_id bigint   not null references customer (id) on delete cascade,
    kind        text     not null check (kind in ('BIRTHDAY', 'ANNIVERSARY', 'CUSTOM')),
    label       text     not null default '',
    month       smallint not null check (month between 1 and 12),
    day         smallint not null check (day between 1 and 31),
    year        smallint
);
create index customer_date_customer on customer_date (customer_id);
create index customer_date_month_day on customer_date (month, day);

-- Consent is append-only: the newest row per customer and channel is in force; older rows are the proof trail.
create table consent (
    id            bigint generated always as identity primary key,
    customer_id   bigint      not null references customer (id) on delete cascade,
    channel       text        not null check (channel in ('EMAIL', 'POST')),
    granted       boolean     not null,
    recorded_at   timestamptz not null,
    recorded_by   bigint      references associate (id),
    method        text        not null check (method in ('IN_STORE', 'WEB', 'IMPORT', 'API', 'UNSUBSCRIBE')),
    wording       text        not null
);
create index consent_customer_channel on consent (customer_id, channel, recorded_at desc);
