-- Case ids come from a plain sequence, so the application knows a new case's id before it is saved
-- (its events carry it).
create sequence service_case_id_seq;

create table service_case (
    id                bigint      primary key default nextval('service_case_id_seq'),
    store_id          bigint      not null references store (id),
    customer_id       bigint      not null references customer (id),
    associate_id      bigint      references associate (id),
    channel           text        not null check (channel in ('IN_STORE', 'PHONE', 'EMAIL', 'WEB_FORM')),
    subject           text        not null default '',
    language          text        not null default 'en' check (language in ('en', 'fr', 'pl')),
    status            text        not null check (status in ('OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED')),
    opened_at         timestamptz not null,
    first_response_at timestamptz,
    resolved_at       timestamptz,
    reopened          integer     not null default 0 check (reopened >= 0),
    version           bigint      not null default 0,
    constraint service_case_resolved_at check ((status = 'RESOLVED') = (resolved_at is not null))
);
alter sequence service_case_id_seq owned by service_case.id;
create index service_case_store_status on service_case (store_id, status, opened_at desc);
create index service_case_associate_status on service_case (associate_id, status, opened_at desc);
create index service_case_customer on service_case (customer_id, opened_at desc);

-- What the customer and the associates wrote: customer-visible messages and internal notes.
create table case_message (
    id            bigint      generated always as identity primary key,
    case_id       bigint      not null references service_case (id) on delete cascade,
    author_kind   text        not null check (author_kind in ('CUSTOMER', 'ASSOCIATE')),
    associate_id  bigint      references associate (id),
    body          text        not null,
    internal      boolean     not null default false,
    created_at    timestamptz not null,
    constraint case_message_author check ((author_kind = 'ASSOCIATE') = (associate_id is not null)),
    constraint case_message_note_by_associate check (not internal or author_kind = 'ASSOCIATE')
);
create index case_message_case on case_message (case_id, created_at, id);

-- What an associate did for the customer, what it cost and why; never approved by anyone.
create table resolution (
    id            bigint        generated always as identity primary key,
    case_id       bigint        not null references service_case (id) on delete cascade,
    kind          text          not null check (kind in ('REFUND', 'EXCHANGE', 'REPLACEMENT_SHIPPED', 'GOODWILL',
                                                         'ALTERATION', 'AFTER_HOURS_VISIT', 'LIFETIME_GUARANTEE',
                                                         'LOST_AND_FOUND')),
    cost          numeric(12, 2) not null check (cost >= 0),
    currency      text          not null check (currency ~ '^[A-Z]{3}$'),
    judgment      text          not null check (btrim(judgment) <> ''),
    details       jsonb         not null default '{}',
    associate_id  bigint        not null references associate (id),
    created_at    timestamptz   not null
);
create index resolution_case on resolution (case_id, created_at);
create index resolution_associate on resolution (associate_id, created_at);
