-- Integration tokens (a POS or web shop). Only a SHA-256 of the secret is stored.
create table api_token (
    id            bigint generated always as identity primary key,
    name          text        not null,
    store_id      bigint      references store (id),
    token_hash    text        not null unique,
    token_prefix  text        not null,
    created_by    bigint      references associate (id),
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
