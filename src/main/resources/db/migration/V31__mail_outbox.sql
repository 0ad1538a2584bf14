-- The transactional outbox: a mail is saved in the same transaction as the change that caused it and sent after
-- commit by a sender that claims one row at a time (for update skip locked), so a crash or an SMTP outage delays
-- a mail but never loses it, and a retried request never queues it twice (dedupe_key).
create table mail_outbox (
    id               bigint generated always as identity primary key,
    dedupe_key       text        not null unique,
    store_id         bigint      references store (id),
    message_id       text        not null unique,
    from_address     text        not null,
    from_name        text        not null default '',
    to_address       text        not null,
    to_name          text        not null default '',
    reply_to_address text,
    reply_to_name    text        not null default '',
    subject          text        not null default '',
    text_body        text        not null,
    html_body        text,
    in_reply_to      text,
    thread_refs      text[]      not null default '{}',
    extra_headers    jsonb       not null default '{}',
    status           text        not null default 'QUEUED' check (status in ('QUEUED', 'SENT', 'FAILED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    constraint mail_outbox_sent_at check ((status = 'SENT') = (sent_at is not null))
);
create index mail_outbox_due on mail_outbox (next_attempt_at, id) where status = 'QUEUED';

create table mail_outbox_attachment (
    outbox_id    bigint not null references mail_outbox (id) on delete cascade,
    position     integer not null,
    file_name    text   not null,
    content_type text   not null,
    content      bytea  not null,
    primary key (outbox_id, position)
);
