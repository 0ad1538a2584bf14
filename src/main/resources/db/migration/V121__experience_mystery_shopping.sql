-- Mystery shopping (issue 12, ADR 0099): weighted checklists, shoppers, visits to our stores and to other
-- businesses, the shopper's answers and the receipt photo.

-- A checklist, chain-wide; what it asks lives in its versions.
create table mystery_checklist (
    id           bigint generated always as identity primary key,
    name         text        not null check (length(name) between 1 and 200),
    archived     boolean     not null default false,
    created_by   bigint      references associate (id),
    created_at   timestamptz not null
);

-- Editing a checklist makes a new version; a visit keeps the version it was scheduled with.
create table mystery_checklist_version (
    id            bigint generated always as identity primary key,
    checklist_id  bigint      not null references mystery_checklist (id),
    version       integer     not null check (version > 0),
    created_by    bigint      references associate (id),
    created_at    timestamptz not null,
    unique (checklist_id, version)
);

-- A section's and an item's words in each language; at least one is written, the others fall back to it.
create table mystery_section (
    id          bigint generated always as identity primary key,
    version_id  bigint  not null references mystery_checklist_version (id),
    position    integer not null,
    title_en    text    not null default '' check (length(title_en) <= 300),
    title_fr    text    not null default '' check (length(title_fr) <= 300),
    title_pl    text    not null default '' check (length(title_pl) <= 300),
    check (title_en <> '' or title_fr <> '' or title_pl <> ''),
    unique (version_id, position)
);

-- An item: what the shopper checks, how it is answered and what it weighs.
--   YES_NO: yes earns the weight; a "no" fails it.
--   SCALE (1–5): earns weight × (answer − 1) / 4; 1 or 2 fails it.
--   NUMBER (rings, seconds, minutes...): earns the weight when the answer meets the target
--     (AT_MOST: answer <= target; AT_LEAST: answer >= target); otherwise it fails.
-- N/A, when allowed, leaves the item out of the possible weight (ADR 0099). A failed critical item flags the visit.
create table mystery_item (
    id             bigint generated always as identity primary key,
    version_id     bigint        not null references mystery_checklist_version (id),
    section_id     bigint        not null references mystery_section (id),
    position       integer       not null,
    -- the same item in every version of a checklist, so results follow an item across edits
    item_key       text          not null check (item_key ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    text_en        text          not null default '' check (length(text_en) <= 500),
    text_fr        text          not null default '' check (length(text_fr) <= 500),
    text_pl        text          not null default '' check (length(text_pl) <= 500),
    answer_type    text          not null check (answer_type in ('YES_NO', 'SCALE', 'NUMBER')),
    weight         numeric(6, 2) not null check (weight > 0 and weight <= 1000),
    critical       boolean       not null default false,
    na_allowed     boolean       not null default true,
    number_rule    text          check (number_rule in ('AT_MOST', 'AT_LEAST')),
    number_target  numeric(10, 2),
    -- what the number counts, shown next to it: "rings", "seconds"...
    number_unit    text          not null default '' check (length(number_unit) <= 40),
    check (text_en <> '' or text_fr <> '' or text_pl <> ''),
    check ((answer_type = 'NUMBER') = (number_rule is not null and number_target is not null)),
    unique (version_id, position),
    unique (version_id, item_key)
);
create index mystery_item_section on mystery_item (section_id, position);

-- A mystery shopper: a friend, a best client (linked to their client record) or a professional.
create table mystery_shopper (
    id              bigint generated always as identity primary key,
    -- the store that recruited them; a manager sees only their store's shoppers
    store_id        bigint        not null references store (id),
    name            text          not null check (length(name) between 1 and 200),
    email           text          not null check (length(email) between 3 and 320),
    language        text          not null check (language in ('en', 'fr', 'pl')),
    kind            text          not null check (kind in ('FRIEND', 'BEST_CLIENT', 'PROFESSIONAL')),
    customer_id     bigint        references customer (id),
    -- the reward agreed per visit: money (amount and currency) or a gift (described, with an optional value)
    reward_kind     text          not null check (reward_kind in ('MONEY', 'GIFT')),
    reward_amount   numeric(12, 2) check (reward_amount >= 0),
    reward_currency text          check (reward_currency ~ '^[A-Z]{3}$'),
    reward_gift     text          not null default '' check (length(reward_gift) <= 200),
    active          boolean       not null default true,
    created_by      bigint        references associate (id),
    created_at      timestamptz   not null,
    check ((kind = 'BEST_CLIENT') = (customer_id is not null)),
    check ((reward_amount is null) = (reward_currency is null)),
    check (reward_kind = 'GIFT' or reward_amount is not null)
);
create index mystery_shopper_store on mystery_shopper (store_id, name);

-- A visit: scheduled by a manager for a store (and department), or to another business to compare with.
--   SCHEDULED -> SUBMITTED -> ACCEPTED, or SUBMITTED -> RETURNED (with a question) -> SUBMITTED ...;
--   SCHEDULED or RETURNED -> CANCELLED. An expired link does not change the status: the manager sees it late.
create table mystery_visit (
    id               bigint generated always as identity primary key,
    store_id         bigint        not null references store (id),
    department       text          not null default '' check (length(department) <= 100),
    -- OWN_STORE, or the kind of the other business visited to compare experiences
    target_kind      text          not null default 'OWN_STORE' check (target_kind in
                         ('OWN_STORE', 'BANK', 'HOTEL', 'GYM', 'RESTAURANT', 'GROCER', 'OTHER_STORE')),
    business_name    text          not null default '' check (length(business_name) <= 200),
    check ((target_kind = 'OWN_STORE') = (business_name = '')),
    window_from      date          not null,
    window_to        date          not null,
    check (window_to >= window_from),
    scenario         text          not null check (length(scenario) between 1 and 2000),
    checklist_version_id bigint    not null references mystery_checklist_version (id),
    shopper_id       bigint        not null references mystery_shopper (id),
    status           text          not null check (status in
                         ('SCHEDULED', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'CANCELLED')),
    -- the link stops working after this (window end + the expiry days, ADR 0099)
    expires_at       timestamptz   not null,
    scheduled_by     bigint        not null references associate (id),
    scheduled_at     timestamptz   not null,
    -- what the shopper says: when they were there, what stood out (for other businesses most)
    visited_at       timestamptz,
    stood_out        text          not null default '' check (length(stood_out) <= 2000),
    submitted_at     timestamptz,
    -- the manager's question when returning it, and the shopper's reply comes with the next submission
    return_question  text          not null default '' check (length(return_question) <= 2000),
    returned_at      timestamptz,
    returned_by      bigint        references associate (id),
    accepted_at      timestamptz,
    accepted_by      bigint        references associate (id),
    -- the score as accepted: earned and possible weight (N/A left out), percent, and the critical flag
    earned           numeric(10, 2),
    possible         numeric(10, 2),
    score            numeric(5, 2),
    flagged          boolean       not null default false,
    -- the reward for this visit, copied from the shopper when scheduled, and when it was paid
    reward_kind      text          not null check (reward_kind in ('MONEY', 'GIFT')),
    reward_amount    numeric(12, 2) check (reward_amount >= 0),
    reward_currency  text          check (reward_currency ~ '^[A-Z]{3}$'),
    reward_gift      text          not null default '' check (length(reward_gift) <= 200),
    reward_paid_at   timestamptz,
    reward_paid_by   bigint        references associate (id),
    updated_at       timestamptz   not null
);
create index mystery_visit_store on mystery_visit (store_id, window_from);
create index mystery_visit_shopper on mystery_visit (shopper_id, window_from);

-- The personal links to a visit: random 256-bit tokens stored only as their SHA-256 (as survey_token). A token
-- names the shopper it was mailed to: once the visit is given to another shopper, the old link is refused.
create table mystery_visit_token (
    token_hash   bytea       primary key,
    visit_id     bigint      not null references mystery_visit (id) on delete cascade,
    shopper_id   bigint      not null references mystery_shopper (id),
    created_at   timestamptz not null
);
create index mystery_visit_token_visit on mystery_visit_token (visit_id);

-- The shopper's answer to one item: a value (1/0 for yes/no, 1–5, a number) or N/A, and a comment.
create table mystery_answer (
    visit_id   bigint        not null references mystery_visit (id) on delete cascade,
    item_id    bigint        not null references mystery_item (id),
    na         boolean       not null default false,
    value      numeric(10, 2),
    comment    text          not null default '' check (length(comment) <= 2000),
    check (na = (value is null) or (not na and value is null)),
    primary key (visit_id, item_id)
);

-- The photo of the receipt: a JPEG or PNG checked by its content, at most 5 MB, kept with the visit.
create table mystery_receipt (
    visit_id      bigint      primary key references mystery_visit (id) on delete cascade,
    content_type  text        not null check (content_type in ('image/jpeg', 'image/png')),
    content       bytea       not null,
    size          integer     not null check (size between 1 and 5242880),
    uploaded_at   timestamptz not null
);
