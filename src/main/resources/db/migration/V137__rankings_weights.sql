-- The owner's weights (ADR 0111): every change is a new row, kept; a change applies from the period after the one
-- it was made in, so the weights in force for a period are the newest row whose effective_from is on or before the
-- period's first month. No row: the defaults in org.ruleone.rankings.Weights.
create table rankings_weights (
    id             bigint generated always as identity primary key,
    effective_from date        not null check (extract(day from effective_from) = 1),
    experience     integer     not null check (experience between 0 and 100),
    heroics        integer     not null check (heroics between 0 and 100),
    mystery        integer     not null check (mystery between 0 and 100),
    came_back      integer     not null check (came_back between 0 and 100),
    standards      integer     not null check (standards between 0 and 100),
    training       integer     not null check (training between 0 and 100),
    sales          integer     not null check (sales between 0 and 20),
    changed_by     bigint      not null,
    changed_at     timestamptz not null,
    check (experience + heroics + mystery + came_back + standards + training + sales = 100)
);
create index rankings_weights_effective on rankings_weights (effective_from desc, id desc);
