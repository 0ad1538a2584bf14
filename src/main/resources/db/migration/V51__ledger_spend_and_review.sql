-- What was spent on customers, one row per resolution given (from the service module's CaseResolved events).
create table ledger_spend (
    case_id       bigint        not null,
    resolved_at   timestamptz   not null,
    store_id      bigint        not null,
    customer_id   bigint        not null,
    associate_id  bigint        not null,
    kind          text          not null,
    cost          numeric(12,2) not null,
    currency      text          not null,
    judgment      text          not null default '',
    primary key (case_id, resolved_at)
);
create index ledger_spend_store on ledger_spend (store_id, resolved_at);
create index ledger_spend_customer on ledger_spend (customer_id, resolved_at);

-- Each case as the review needs it, to find a client's second contact: who, what, when.
create table review_case (
    case_id      bigint      primary key,
    store_id     bigint      not null,
    customer_id  bigint      not null,
    owner_id     bigint,
    channel      text        not null,
    subject      text        not null default '',
    opened_at    timestamptz not null
);
create index review_case_customer on review_case (customer_id, opened_at);

-- The customer came back about a case after it was resolved.
create table review_reopen (
    case_id       bigint      not null,
    at            timestamptz not null,
    by_customer   boolean     not null,
    primary key (case_id, at)
);
