-- A customer's own request for a copy of their data (issue 15, ADR 0116): each mailed link is a row, so a link is
-- good for a few downloads only, and a day's second request for the same client sends no second mail. Holds no
-- personal data: the client is a number, the address is not kept.
create table privacy_export_link (
    id            bigint generated always as identity primary key,
    client_id     bigint      not null,
    requested_at  timestamptz not null,
    expires_at    timestamptz not null,
    downloads     integer     not null default 0 check (downloads >= 0)
);
create index privacy_export_link_client on privacy_export_link (client_id, requested_at desc);

-- Requests counted per typed address and per remote address (Bucket4j's PostgreSQL layout, as the sign-in throttle's),
-- in the database so the limit holds on every node. Keys are prefixed ("ip:", "to:") and an address is kept only
-- as its SHA-256. expires_at (epoch milliseconds) is when the bucket would be full again; such rows are swept.
create table privacy_request_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
