-- Responses to requests sent with an Idempotency-Key, so a retry gets the first answer instead of doing the work twice.
create table idempotency_key (
    scope         text        not null,
    key           text        not null,
    request_hash  text        not null,
    status        integer     not null,
    content_type  text        not null,
    body          text        not null,
    created_at    timestamptz not null,
    primary key (scope, key)
);
create index idempotency_key_created on idempotency_key (created_at);
