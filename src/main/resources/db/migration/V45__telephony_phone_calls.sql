-- Phone calls, logged by hand on the phone screen or reported by the store's telephony (webhook).
create table phone_call (
    id                 bigint      generated always as identity primary key,
    store_id           bigint      not null references store (id),
    customer_id        bigint      references customer (id),
    caller_number      text        not null default '',
    associate_id       bigint      references associate (id),
    ringing_at         timestamptz not null,
    rings              integer     check (rings >= 0),
    seconds_to_answer  integer     check (seconds_to_answer >= 0),
    outcome            text        not null check (outcome in ('ANSWERED', 'MISSED', 'VOICEMAIL', 'ABANDONED')),
    duration_seconds   integer     check (duration_seconds >= 0),
    case_id            bigint      references service_case (id),
    source             text        not null check (source in ('MANUAL', 'TELEPHONY', 'API')),
    logged_by          bigint      references associate (id),
    created_at         timestamptz not null,
    constraint phone_call_answer_time check (outcome = 'ANSWERED' or seconds_to_answer is null)
);
create index phone_call_store on phone_call (store_id, ringing_at desc);
create index phone_call_case on phone_call (case_id, ringing_at) where case_id is not null;
create index phone_call_customer on phone_call (customer_id, ringing_at desc) where customer_id is not null;
