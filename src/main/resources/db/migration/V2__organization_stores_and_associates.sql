create table store (
    id          bigint generated always as identity primary key,
    name        text        not null,
    address     text        not null default '',
    country     text        not null default '',
    time_zone   text        not null default 'UTC',
    language    text        not null default 'en' check (language in ('en', 'fr', 'pl')),
    created_at  timestamptz not null default now()
);
create unique index store_name on store (lower(name));

-- Opening hours per weekday (1 = Monday … 7 = Sunday, ISO-8601); a missing day means closed.
create table store_hours (
    store_id    bigint   not null references store (id) on delete cascade,
    day_of_week smallint not null check (day_of_week between 1 and 7),
    opens_at    time     not null,
    closes_at   time     not null check (closes_at > opens_at),
    primary key (store_id, day_of_week)
);

create table associate (
    id             bigint generated always as identity primary key,
    store_id       bigint      references store (id),
    name           text        not null,
    email          text        not null,
    password_hash  text        not null,
    role           text        not null check (role in ('OWNER', 'MANAGER', 'ASSOCIATE')),
    hire_date      date,
    language       text        not null default 'en' check (language in ('en', 'fr', 'pl')),
    active         boolean     not null default true,
    created_at     timestamptz not null default now(),
    constraint associate_store_required check (role = 'OWNER' or store_id is not null)
);
create unique index associate_email on associate (lower(email));
create index associate_store on associate (store_id);
