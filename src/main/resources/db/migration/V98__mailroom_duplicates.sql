-- Mail skipped because the store had already filed it (same Message-ID, or the same bytes when it has none):
-- each skip is listed on the mail screen with the mail it repeats, so a mail that seems lost can be found.
create table mailroom_duplicate (
    id            bigint      generated always as identity primary key,
    store_id      bigint      not null,
    inbound_id    bigint      not null references mailroom_inbound (id),
    uid_validity  bigint,
    uid           bigint,
    sender        text        not null default '',
    subject       text        not null default '',
    received_at   timestamptz not null
);
create index mailroom_duplicate_inbound on mailroom_duplicate (inbound_id);
