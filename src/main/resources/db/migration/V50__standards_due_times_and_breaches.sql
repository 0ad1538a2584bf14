-- Service standards per store and channel, in business minutes; a channel without a row uses the defaults.
create table service_standard (
    store_id                bigint  not null references store (id) on delete cascade,
    channel                 text    not null check (channel in ('IN_STORE', 'PHONE', 'EMAIL', 'WEB_FORM')),
    first_response_minutes  integer not null check (first_response_minutes between 1 and 100000),
    resolution_minutes      integer not null check (resolution_minutes between 1 and 1000000),
    primary key (store_id, channel)
);

-- The phone is answered by this ring (default 2).
create table phone_standard (
    store_id   bigint  primary key references store (id) on delete cascade,
    max_rings  integer not null check (max_rings between 1 and 20)
);

-- Per case, its due times as the standards stood when the case opened (or was reopened), and what happened.
-- Filled from the service module's events; case ids are the service module's, not a foreign key into its tables.
create table case_clock (
    case_id                 bigint      primary key,
    store_id                bigint      not null,
    customer_id             bigint      not null,
    channel                 text        not null,
    owner_id                bigint,
    opened_at               timestamptz not null,
    first_response_allowed  integer     not null,
    first_response_due      timestamptz not null,
    first_response_at       timestamptz,
    first_responder_id      bigint,
    resolution_started_at   timestamptz not null,
    resolution_allowed      integer     not null,
    resolution_due          timestamptz not null,
    resolved_at             timestamptz,
    resolver_id             bigint,
    -- While the case waits on the customer, the resolution clock stands still.
    waiting_since           timestamptz
);
create index case_clock_store on case_clock (store_id, opened_at desc);
create index case_clock_first_open on case_clock (first_response_due) where first_response_at is null;
create index case_clock_resolution_open on case_clock (resolution_due) where resolved_at is null;

-- Every call logged, with whether it met the store's phone standard.
create table call_answer (
    call_id      bigint      primary key,
    store_id     bigint      not null,
    case_id      bigint,
    associate_id bigint,
    ringing_at   timestamptz not null,
    rings        integer,
    seconds      integer,
    outcome      text        not null,
    max_rings    integer     not null,
    met          boolean     not null
);
create index call_answer_store on call_answer (store_id, ringing_at desc);

-- A missed due time, once per case and standard (or once per call).
create table standard_breach (
    id            bigint generated always as identity primary key,
    store_id      bigint      not null,
    standard      text        not null check (standard in ('FIRST_RESPONSE', 'RESOLUTION', 'PHONE_ANSWER')),
    case_id       bigint,
    call_id       bigint,
    associate_id  bigint,
    due_at        timestamptz,
    breached_at   timestamptz not null,
    detail        text        not null default ''
);
create unique index standard_breach_case on standard_breach (case_id, standard) where case_id is not null and call_id is null;
create unique index standard_breach_call on standard_breach (call_id) where call_id is not null;
create index standard_breach_store on standard_breach (store_id, breached_at desc);
