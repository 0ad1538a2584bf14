-- Extensions used for typo- and accent-tolerant search.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is only STABLE (its dictionary can change); pinning the dictionary makes an
-- IMMUTABLE wrapper that expression and generated columns may use.
create or replace function ro_fold(value text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

create table audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null,
    kind         text        not null,
    principal    text,
    remote_addr  text,
    details      jsonb       not null default '{}'::jsonb
);
create index audit_event_principal_time on audit_event (lower(principal), occurred_at desc);
create index audit_event_addr_time on audit_event (remote_addr, occurred_at desc);
