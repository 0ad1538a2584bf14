-- Events and sales told personally to clients who consented, and what came of it.
create table campaign (
    id           bigint generated always as identity primary key,
    kind         text        not null check (kind in ('EVENT', 'SALE')),
    -- The store it is for, or null for every store (an owner's chain-wide campaign).
    store_id     bigint      references store (id),
    title_en     text        not null default '',
    title_fr     text        not null default '',
    title_pl     text        not null default '',
    body_en      text        not null default '',
    body_fr      text        not null default '',
    body_pl      text        not null default '',
    place        text        not null default '',
    starts_at    timestamptz,
    ends_at      timestamptz,
    -- The audience filter as entered (store, tags, dates, spend, languages).
    audience     jsonb       not null,
    follow_days  integer     not null default 30 check (follow_days between 1 and 365),
    status       text        not null check (status in ('DRAFT', 'SENT')),
    created_by   bigint      not null references associate (id),
    created_at   timestamptz not null,
    sent_by      bigint      references associate (id),
    sent_at      timestamptz,
    check (ends_at is null or starts_at is null or ends_at > starts_at)
);
create index campaign_store on campaign (store_id, id desc);

-- One row per client a campaign was sent to; who it came from and what became of it.
create table campaign_recipient (
    campaign_id   bigint      not null references campaign (id) on delete cascade,
    customer_id   bigint      not null references customer (id) on delete cascade,
    associate_id  bigint      references associate (id),
    email         text        not null,
    language      text        not null,
    dedupe_key    text        not null unique,
    message_id    text,
    status        text        not null check (status in ('QUEUED', 'SENT', 'BOUNCED')),
    queued_at     timestamptz not null,
    sent_at       timestamptz,
    bounced_at    timestamptz,
    rsvp          text        check (rsvp in ('YES', 'NO', 'MAYBE')),
    rsvp_at       timestamptz,
    primary key (campaign_id, customer_id)
);
create index campaign_recipient_message on campaign_recipient (message_id);
create index campaign_recipient_customer on campaign_recipient (customer_id);

-- Addresses a delivery report said are dead: later campaigns leave them out.
create table undeliverable_address (
    email        text        primary key,  -- lower case
    marked_at    timestamptz not null,
    message_id   text        not null default ''
);

-- The key that signs unsubscribe and RSVP links, made once per installation and shared by every node.
create table campaign_link_key (
    id      smallint primary key check (id = 1),
    secret  bytea    not null
);
