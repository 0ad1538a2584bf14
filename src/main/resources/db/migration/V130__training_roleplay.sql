-- Roleplay training (issue 13, ADR 0106): scenarios with a feedback rubric, sessions with their players and
-- watchers, the watchers' scores and comments, and the played associate's reflection.

-- A scenario, chain-wide: every associate reads it; its author's store (null for an owner without one) says which
-- manager may edit it. Made by hand, from a legend or from a real case (with the client's identity removed).
create table training_scenario (
    id              bigint generated always as identity primary key,
    title           text        not null check (length(title) between 1 and 200),
    situation       text        not null check (length(situation) between 1 and 4000),
    customer_part   text        not null check (length(customer_part) between 1 and 4000),
    good_looks_like text        not null check (length(good_looks_like) between 1 and 4000),
    origin          text        not null check (origin in ('HAND', 'LEGEND', 'CASE')),
    origin_id       bigint,
    store_id        bigint      references store (id),
    created_by      bigint      not null references associate (id),
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- The rubric: criteria scored 1 to 5, each saying what a 1 and a 5 look like.
create table training_criterion (
    scenario_id  bigint  not null references training_scenario (id) on delete cascade,
    position     integer not null check (position > 0),
    name         text    not null check (length(name) between 1 and 200),
    at_one       text    not null check (length(at_one) between 1 and 1000),
    at_five      text    not null check (length(at_five) between 1 and 1000),
    primary key (scenario_id, position)
);

-- A session on a date in one store; it keeps a copy of the rubric as it was when it was set up, so editing the
-- scenario later never changes what was scored. Nobody plays two parts (the watchers are checked in the code too).
create table training_session (
    id                bigint generated always as identity primary key,
    scenario_id       bigint      not null references training_scenario (id),
    store_id          bigint      not null references store (id),
    planned_on        date        not null,
    customer_player   bigint      not null references associate (id),
    associate_player  bigint      not null references associate (id),
    reflection        text        check (length(reflection) <= 4000),
    reflected_at      timestamptz,
    set_up_by         bigint      not null references associate (id),
    created_at        timestamptz not null,
    closed_at         timestamptz,
    check (customer_player <> associate_player)
);
create index training_session_store on training_session (store_id, planned_on desc);
create index training_session_played on training_session (associate_player, planned_on);

create table training_session_criterion (
    session_id  bigint  not null references training_session (id) on delete cascade,
    position    integer not null check (position > 0),
    name        text    not null,
    at_one      text    not null,
    at_five     text    not null,
    primary key (session_id, position)
);

create table training_watcher (
    session_id    bigint not null references training_session (id) on delete cascade,
    associate_id  bigint not null references associate (id),
    primary key (session_id, associate_id)
);
create index training_watcher_associate on training_watcher (associate_id);

-- One feedback per scorer and session (a watcher, or the customer player), edited until the session is closed.
create table training_feedback (
    id          bigint generated always as identity primary key,
    session_id  bigint      not null references training_session (id) on delete cascade,
    scorer_id   bigint      not null references associate (id),
    part        text        not null check (part in ('WATCHER', 'CUSTOMER')),
    comment     text        not null default '' check (length(comment) <= 2000),
    given_at    timestamptz not null,
    updated_at  timestamptz not null,
    unique (session_id, scorer_id)
);

create table training_score (
    feedback_id  bigint  not null references training_feedback (id) on delete cascade,
    position     integer not null,
    score        integer not null check (score between 1 and 5),
    primary key (feedback_id, position)
);
