-- What a store spent that is not spent on a customer (ADR 0101), one row per cost from another module's event:
-- for now the mystery shoppers' rewards (experience's MysteryRewardPaid, source 'mystery-visit'). A gift paid
-- without a value has no amount; it is counted as a gift, never as zero money.
create table ledger_store_cost (
    source     text          not null,
    source_id  bigint        not null,
    paid_at    timestamptz   not null,
    store_id   bigint        not null,
    kind       text          not null check (kind in ('MYSTERY_SHOP')),
    amount     numeric(12,2) check (amount >= 0),
    currency   text          check (currency ~ '^[A-Z]{3}$'),
    gift       text          not null default '',
    check ((amount is null) = (currency is null)),
    primary key (source, source_id)
);
create index ledger_store_cost_store on ledger_store_cost (store_id, paid_at);
