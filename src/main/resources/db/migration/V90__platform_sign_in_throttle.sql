-- Sign-in throttle (ADR 0070), kept in the database so it holds across nodes and restarts.

-- Per address: Bucket4j's token buckets (its PostgreSQL layout), one row per remote address that failed.
-- expires_at (epoch milliseconds) is when the bucket would be full again; such rows are swept.
create table login_address_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);

-- Per account: failed sign-ins in a row for a user name (trimmed, lower case, as sign-in reads it), and the
-- moment before which the next attempt is refused. A success or the owner clears the row.
create table login_account_delay (
    username        text primary key,
    failures        int         not null,
    last_failure_at timestamptz not null,
    refused_until   timestamptz
);
create index login_account_delay_refused on login_account_delay (refused_until) where refused_until is not null;
