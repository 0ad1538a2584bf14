-- Mail that could not be understood, kept whole with the reason, so an owner can look at it and retry it.
create table mail_quarantine (
    id           bigint generated always as identity primary key,
    received_at  timestamptz not null,
    raw          bytea       not null,
    size         bigint      not null,
    reason       text        not null,
    detail       text        not null,
    retried      integer     not null default 0
);
create index mail_quarantine_newest on mail_quarantine (received_at desc, id desc);
