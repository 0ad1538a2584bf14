-- Webhooks out (issue 15, ADR 0119): the owner's endpoints and the outbox of their deliveries.
create table webhook_endpoint (
    id           bigserial primary key,
    url          text        not null check (length(url) <= 2000),
    -- the HMAC key: kept to sign every delivery, shown to the owner once (when made or rotated)
    secret       text        not null,
    events       text[]      not null,
    enabled      boolean     not null default true,
    created_by   text        not null,
    created_at   timestamptz not null,
    rotated_at   timestamptz
);

-- One row per event and subscribed endpoint, written in the publishing transaction; the sender claims due rows with
-- FOR UPDATE SKIP LOCKED, so one node posts each row at a time.
create table webhook_delivery (
    id               bigserial primary key,
    endpoint_id      bigint      not null references webhook_endpoint (id) on delete cascade,
    event_id         uuid        not null,
    event_type       text        not null,
    body             text        not null,
    status           text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_attempt_at  timestamptz,
    last_status      int,
    last_response    text,
    last_error       text,
    created_at       timestamptz not null,
    delivered_at     timestamptz
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_by_endpoint on webhook_delivery (endpoint_id, id desc);
