-- The mails of a survey invitation (the first one and its reminders), by Message-ID, so a bounce finds its invitation.
create table survey_invitation_mail (
    message_id     text        primary key,
    invitation_id  bigint      not null references survey_invitation (id) on delete cascade,
    dedupe_key     text        not null unique,
    reminder       integer     not null default 0 check (reminder between 0 and 2),
    queued_at      timestamptz not null
);
create index survey_invitation_mail_invitation on survey_invitation_mail (invitation_id);

-- One invitation per client and batch of purchases: a republished PurchasesRecorded (same time) adds nothing.
create unique index survey_invitation_one_per_purchase on survey_invitation (store_id, customer_id, created_at)
    where trigger = 'PURCHASE';
