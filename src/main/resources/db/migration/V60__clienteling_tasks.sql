-- Tasks of the clienteling module: created by events (a first purchase, a purchase, an important date coming, a
-- client who has not come back, another store asking for an item) or by hand, and done or skipped by a person.
create table clienteling_task (
    id            bigint generated always as identity primary key,
    store_id      bigint      not null references store (id),
    -- The associate who should do it; null: anyone in the store.
    associate_id  bigint      references associate (id),
    customer_id   bigint      references customer (id) on delete cascade,
    kind          text        not null check (kind in ('THANK_YOU', 'FOLLOW_UP', 'BIRTHDAY', 'ANNIVERSARY', 'LAPSED',
                                                       'MANUAL', 'SEND_ITEM')),
    -- What makes a generated task unique for its client: '' for a thank-you (one per client ever), the year for a
    -- birthday or anniversary, the date of the purchase for a follow-up or of the last purchase for a lapsed
    -- client, the request id for an item to send; null for a task added by hand.
    occasion      text,
    title         text        not null default '',
    -- For an item to send: the store that asked for it.
    other_store_id bigint     references store (id),
    due_on        date        not null,
    -- The date the task is about (the birthday itself, the purchase), when it is not the due date.
    occurs_on     date,
    status        text        not null default 'OPEN' check (status in ('OPEN', 'DONE', 'SKIPPED')),
    created_at    timestamptz not null,
    created_by    bigint      references associate (id),
    closed_at     timestamptz,
    closed_by     bigint      references associate (id),
    closed_note   text        not null default ''
);
create unique index clienteling_task_once on clienteling_task (kind, customer_id, occasion)
    where occasion is not null;
create index clienteling_task_store on clienteling_task (store_id, status, due_on);
create index clienteling_task_associate on clienteling_task (associate_id, status, due_on);
create index clienteling_task_customer on clienteling_task (customer_id);

-- Per store: how tasks are generated. Null days switch a kind of task off.
create table clienteling_settings (
    store_id          bigint   primary key references store (id) on delete cascade,
    follow_up_days    smallint check (follow_up_days between 1 and 365),
    lapsed_days       smallint check (lapsed_days between 30 and 3650),
    date_lead_days    smallint not null default 7 check (date_lead_days between 0 and 60)
);

-- When each client first and last bought, as the purchases module announced it (PurchasesRecorded), so lapsed
-- clients are found without reading another module's tables.
create table clienteling_activity (
    customer_id       bigint      primary key references customer (id) on delete cascade,
    first_purchase_at timestamptz not null,
    last_purchase_at  timestamptz not null
);
create index clienteling_activity_last on clienteling_activity (last_purchase_at);
