-- Surveys that close the loop (issue 11, ADR 0093): what is asked, when, to whom, and what came back.

-- The wording per language, chain-wide and versioned: editing makes a new version, and an answer keeps the
-- version it was given. {store} in come_back is replaced by the store's name.
create table survey_wording (
    id                  bigint generated always as identity primary key,
    language            text        not null check (language in ('en', 'fr', 'pl')),
    version             integer     not null check (version > 0),
    come_back           text        not null check (length(come_back) between 1 and 500),
    satisfaction_help   text        not null check (length(satisfaction_help) between 1 and 500),
    satisfaction_visit  text        not null check (length(satisfaction_visit) between 1 and 500),
    comment_prompt      text        not null check (length(comment_prompt) between 1 and 500),
    created_by          bigint      references associate (id),
    created_at          timestamptz not null,
    unique (language, version)
);
insert into survey_wording (language, version, come_back, satisfaction_help, satisfaction_visit, comment_prompt,
                            created_at)
values ('en', 1, 'How likely are you to come back to {store}?', 'How satisfied are you with the help you got?',
        'How satisfied are you with your visit?', 'Anything you would like to tell us?', '2026-12-03T00:00:00Z'),
       ('fr', 1, 'Quelle est la probabilité que vous reveniez chez {store} ?',
        'Êtes-vous satisfait de l’aide que vous avez reçue ?', 'Êtes-vous satisfait de votre visite ?',
        'Souhaitez-vous nous dire quelque chose ?', '2026-12-03T00:00:00Z'),
       ('pl', 1, 'Jak bardzo prawdopodobne jest, że wrócisz do {store}?',
        'Jak bardzo jesteś zadowolony z pomocy, którą otrzymałeś?', 'Jak bardzo jesteś zadowolony z wizyty?',
        'Czy chcesz nam coś powiedzieć?', '2026-12-03T00:00:00Z');

-- When a store asks, owner-editable; a store without a row uses the defaults written here (and in SurveyRules).
create table survey_rules (
    store_id                    bigint      primary key references store (id),
    after_case                  boolean     not null default true,
    after_case_delay_hours      integer     not null default 24 check (after_case_delay_hours between 0 and 720),
    after_purchase              boolean     not null default true,
    after_purchase_delay_hours  integer     not null default 24 check (after_purchase_delay_hours between 0 and 720),
    in_store                    boolean     not null default true,
    cooldown_days               integer     not null default 30 check (cooldown_days between 0 and 365),
    quiet_from                  time        not null default '21:00',
    quiet_until                 time        not null default '08:00',
    reminders                   integer     not null default 1 check (reminders between 0 and 2),
    reminder_after_days         integer     not null default 3 check (reminder_after_days between 1 and 30),
    expiry_days                 integer     not null default 30 check (expiry_days between 1 and 365),
    updated_by                  bigint      references associate (id),
    updated_at                  timestamptz not null
);

-- One survey asked of one client (or, for the in-store QR page, of whoever scanned it).
create table survey_invitation (
    id              bigint generated always as identity primary key,
    store_id        bigint      not null references store (id),
    customer_id     bigint      references customer (id),
    -- who served the client: the mail comes from them and the answer is credited to them (null: the store)
    associate_id    bigint      references associate (id),
    trigger         text        not null check (trigger in ('CASE_RESOLVED', 'PURCHASE', 'IN_STORE', 'API')),
    case_id         bigint,
    invoice         text,
    language        text        not null check (language in ('en', 'fr', 'pl')),
    status          text        not null check (status in
                        ('SCHEDULED', 'SKIPPED', 'SENT', 'PARTIAL', 'COMPLETED', 'BOUNCED', 'EXPIRED')),
    -- why it was never sent: COOLDOWN, OPTED_OUT, NO_EMAIL, RULE_OFF, ...
    skipped_reason  text,
    due_at          timestamptz not null,
    sent_at         timestamptz,
    reminders_sent  integer     not null default 0,
    next_reminder_at timestamptz,
    expires_at      timestamptz,
    bounced_at      timestamptz,
    created_at      timestamptz not null
);
create index survey_invitation_due on survey_invitation (due_at) where status = 'SCHEDULED';
create index survey_invitation_reminder on survey_invitation (next_reminder_at) where status in ('SENT', 'PARTIAL');
create index survey_invitation_customer on survey_invitation (customer_id, sent_at);
create unique index survey_invitation_one_per_case on survey_invitation (case_id) where trigger = 'CASE_RESOLVED';

-- The links to an invitation: random tokens of 256 bits, stored as their SHA-256 only. A reminder or an API call
-- may add a token; each of them opens the same invitation until it expires or is completed.
create table survey_token (
    token_hash      bytea       primary key,
    invitation_id   bigint      not null references survey_invitation (id) on delete cascade,
    created_at      timestamptz not null
);
create index survey_token_invitation on survey_token (invitation_id);

-- What came back: from an invitation (saved question by question, so a half-done survey resumes and counts as
-- partial), from the store's QR page (anonymous unless an e-mail was typed), or imported from another tool.
create table survey_answer (
    id                  bigint generated always as identity primary key,
    invitation_id       bigint      unique references survey_invitation (id),
    store_id            bigint      not null references store (id),
    customer_id         bigint      references customer (id),
    associate_id        bigint      references associate (id),
    channel             text        not null check (channel in ('CASE_RESOLVED', 'PURCHASE', 'IN_STORE', 'API', 'IMPORT')),
    wording_id          bigint      references survey_wording (id),
    language            text        check (language in ('en', 'fr', 'pl')),
    come_back           smallint    check (come_back between 0 and 10),
    satisfaction        smallint    check (satisfaction between 1 and 5),
    comment             text        check (length(comment) <= 2000),
    complete            boolean     not null default false,
    started_at          timestamptz not null,
    answered_at         timestamptz not null,
    case_id             bigint,
    invoice             text,
    follow_up_case_id   bigint,
    import_id           bigint,
    external_id         text,
    unique (store_id, external_id)
);
create index survey_answer_store_time on survey_answer (store_id, answered_at);
create index survey_answer_associate_time on survey_answer (associate_id, answered_at) where associate_id is not null;
create index survey_answer_customer on survey_answer (customer_id) where customer_id is not null;
