-- The rankings module's projections of other modules' events (ADR 0110). It owns no truth: each row is a fact as an
-- event told it, keyed by the event's own id so a republished event changes nothing. Facts from before the module
-- existed are not here (no rebuild from history): rankings start from the first events after this migration.

-- A survey answer, credited to the associate who served (as SurveyAnswered carries it), not the book's owner.
-- happy: a promoter (come-back 9-10), or, when that question was skipped, satisfaction 4-5; null when neither
-- question was answered.
create table rankings_survey (
    answer_id    bigint      primary key,
    store_id     bigint      not null,
    associate_id bigint,
    customer_id  bigint,
    happy        boolean,
    answered_at  timestamptz not null
);
create index rankings_survey_associate on rankings_survey (associate_id, answered_at);

-- A hero of a heroic, with the store they worked in and the day it happened.
create table rankings_heroic (
    heroic_id    bigint not null,
    associate_id bigint not null,
    store_id     bigint,
    happened_on  date   not null,
    primary key (heroic_id, associate_id)
);

-- An accepted mystery visit to one of our own stores that had a score.
create table rankings_mystery (
    visit_id   bigint       primary key,
    store_id   bigint       not null,
    department text         not null default '',
    percent    numeric(5,2) not null,
    visited_at timestamptz  not null
);
create index rankings_mystery_store on rankings_mystery (store_id, visited_at);

-- A resolution of a case (a reopened case resolved again is another row).
create table rankings_resolution (
    case_id      bigint      not null,
    resolved_at  timestamptz not null,
    store_id     bigint      not null,
    associate_id bigint      not null,
    customer_id  bigint      not null,
    primary key (case_id, resolved_at)
);
create index rankings_resolution_associate on rankings_resolution (associate_id, resolved_at);

-- A breach of a standard on a case (breaches of calls are not tied to a case and do not count here).
create table rankings_breach (
    breach_id   bigint      primary key,
    case_id     bigint      not null,
    breached_at timestamptz not null
);
create index rankings_breach_case on rankings_breach (case_id, breached_at);

-- One watcher's (or the customer player's) feedback on a roleplay, the latest they gave: the mean of its scores.
create table rankings_feedback (
    feedback_id  bigint       primary key,
    session_id   bigint       not null,
    store_id     bigint       not null,
    associate_id bigint       not null,
    mean_score   numeric(4,3) not null,
    given_at     timestamptz  not null
);
create index rankings_feedback_associate on rankings_feedback (associate_id, given_at);

-- A purchase (or a return, negative total) of a known client, credited to the client's associate in the book when
-- it was recorded (a till does not say who served); associate_id null when the client had none.
create table rankings_purchase (
    purchase_id  bigint        primary key,
    store_id     bigint        not null,
    customer_id  bigint        not null,
    associate_id bigint,
    purchased_at timestamptz   not null,
    total        numeric(18,4) not null,
    is_return    boolean       not null
);
create index rankings_purchase_customer on rankings_purchase (customer_id, purchased_at);
create index rankings_purchase_associate on rankings_purchase (associate_id, purchased_at);
