-- Recognition (issue 13, ADRs 0104 and 0105): heroics reported by peers, their heroes, thanks, comments and photo,
-- and the legend library.

-- A heroic act someone witnessed. The client and the case are optional and were visible to the reporter when it
-- was reported; the text is in whatever language the reporter wrote it.
create table heroic (
    id           bigint generated always as identity primary key,
    reported_by  bigint      not null references associate (id),
    happened_on  date        not null,
    customer_id  bigint      references customer (id),
    case_id      bigint      references service_case (id),
    what         text        not null check (length(what) between 1 and 4000),
    reported_at  timestamptz not null
);
create index heroic_reported on heroic (reported_at desc, id desc);
create index heroic_customer on heroic (customer_id) where customer_id is not null;

-- The heroes of a heroic (one or more, any store; never the reporter), with the store they worked in when it was
-- reported: the store feed and who may read the internal comments follow it.
create table heroic_hero (
    heroic_id     bigint not null references heroic (id) on delete cascade,
    associate_id  bigint not null references associate (id),
    store_id      bigint references store (id),
    primary key (heroic_id, associate_id)
);
create index heroic_hero_associate on heroic_hero (associate_id);
create index heroic_hero_store on heroic_hero (store_id, heroic_id);

-- The photo of the moment: a JPEG or PNG checked by its content, at most 5 MB.
create table heroic_photo (
    heroic_id     bigint      primary key references heroic (id) on delete cascade,
    content_type  text        not null check (content_type in ('image/jpeg', 'image/png')),
    content       bytea       not null,
    size          integer     not null check (size between 1 and 5242880)
);

-- "Thank you": one per person and heroic, given and taken back.
create table heroic_thanks (
    heroic_id     bigint      not null references heroic (id) on delete cascade,
    associate_id  bigint      not null references associate (id),
    thanked_at    timestamptz not null,
    primary key (heroic_id, associate_id)
);

-- Internal comments: read only by the associates of a hero's store and the owner (ADR 0104).
create table heroic_comment (
    id           bigint generated always as identity primary key,
    heroic_id    bigint      not null references heroic (id) on delete cascade,
    author_id    bigint      not null references associate (id),
    body         text        not null check (length(body) between 1 and 2000),
    written_at   timestamptz not null
);
create index heroic_comment_heroic on heroic_comment (heroic_id, written_at);

-- A legend: a heroic a manager or the owner marked (at most once), or a story the owner wrote, or one of the
-- seeded founding stories (seed_key set). Its words live in legend_text: one language for a written legend,
-- EN, FR and PL for a seeded one (ADR 0105).
create table legend (
    id           bigint generated always as identity primary key,
    heroic_id    bigint      unique references heroic (id),
    seed_key     text        unique check (seed_key ~ '^[a-z][a-z-]{0,39}$'),
    marked_by    bigint      references associate (id),
    marked_at    timestamptz not null,
    position     integer     not null default 1000
);

create table legend_text (
    legend_id  bigint not null references legend (id) on delete cascade,
    language   text   not null check (language in ('en', 'fr', 'pl')),
    title      text   not null check (length(title) between 1 and 200),
    story      text   not null check (length(story) between 1 and 8000),
    lesson     text   not null default '' check (length(lesson) <= 1000),
    primary key (legend_id, language)
);
