-- "Does experience bring them back?" pre-aggregated per day for the chain-wide page (ADR 0115): the read model
-- proof_first_experience (V141) counted per UTC day of the first experience and per group, with how soon the client
-- came back, so the owner's page over every store sums a few thousand rows instead of grouping a row per client.
-- Kept by statement triggers on proof_first_experience itself, so whatever keeps the read model (the follow function,
-- the rebuild, this migration) keeps the days in the same transaction, from the rows as they actually changed.
--   day          the UTC day of the experience (the page's periods are UTC days)
--   kind         SURVEY or RESOLUTION
--   band         PROMOTER, PASSIVE, DETRACTOR or null (SURVEY)
--   satisfaction SATISFIED, DISSATISFIED or null (SURVEY)
--   recovered    a detractor whose follow-up case has a resolution (SURVEY, detractors only)
--   served       the answer names the associate who served (SURVEY): hero or not is decided when reading, from
--                recognition's links, which have no listener here
--   remedied     a resolution with a remedy (RESOLUTION)
--   back_within  90, 180 or 365: the first purchase after the experience came within that many days; null: later
--                or never
-- Rows of zeros may stay: they change no sum.

-- Whether the answer's follow-up case has a resolution, kept with the row so that the day it is counted on moves with
-- it (the page itself still joins service_resolutions when it counts client by client).
alter table proof_first_experience add column recovered boolean;
update proof_first_experience f
   set recovered = true
 where f.kind = 'SURVEY' and f.follow_up_case_id is not null
   and exists (select 1 from service_resolutions r where r.case_id = f.follow_up_case_id);

create index proof_first_experience_kind_at on proof_first_experience (kind, at);
create index proof_first_experience_case on proof_first_experience (case_id) where case_id is not null;

create table proof_experience_day (
    day          date     not null,
    kind         text     not null,
    band         text,
    satisfaction text,
    recovered    boolean,
    served       boolean,
    remedied     boolean,
    back_within  smallint,
    clients      integer  not null,
    constraint proof_experience_day_key
        unique nulls not distinct (day, kind, band, satisfaction, recovered, served, remedied, back_within)
);

-- What one row of the read model counts for (clients: 1 to add it, -1 to take it away).
create function proof_experience_day_of(f proof_first_experience, clients integer) returns proof_experience_day
    language sql immutable as $$
    select (f.at at time zone 'UTC')::date, f.kind,
           case when f.come_back >= 9 then 'PROMOTER' when f.come_back >= 7 then 'PASSIVE'
                when f.come_back is not null then 'DETRACTOR' end,
           case when f.satisfaction >= 4 then 'SATISFIED' when f.satisfaction <= 2 then 'DISSATISFIED' end,
           case when f.kind = 'SURVEY' and f.come_back <= 6 then coalesce(f.recovered, false) end,
           case when f.kind = 'SURVEY' then f.associate_id is not null end,
           f.remedied,
           case when f.next_purchase_at - f.at <= interval '90 days' then 90
                when f.next_purchase_at - f.at <= interval '180 days' then 180
                when f.next_purchase_at - f.at <= interval '365 days' then 365 end::smallint,
           clients
$$;

-- Adds changes, summed per day and group first: one upsert per statement, in the key's order, so two writers of the
-- same days wait for each other rather than lock them in opposite orders within one statement.
create function proof_experience_day_add(changes proof_experience_day[]) returns void
    language sql as $$
    insert into proof_experience_day as d
    select c.day, c.kind, c.band, c.satisfaction, c.recovered, c.served, c.remedied, c.back_within, sum(c.clients)
      from unnest(changes) c
     group by 1, 2, 3, 4, 5, 6, 7, 8
    having sum(c.clients) <> 0
     order by 1, 2, 3, 4, 5, 6, 7, 8
        on conflict on constraint proof_experience_day_key do update set clients = d.clients + excluded.clients;
$$;

create function proof_first_experience_days() returns trigger
    language plpgsql as $$
declare
    changes proof_experience_day[] := '{}';
begin
    if tg_op in ('INSERT', 'UPDATE') then
        changes := changes || array(
            select (k.day, k.kind, k.band, k.satisfaction, k.recovered, k.served, k.remedied, k.back_within,
                    sum(k.clients))::proof_experience_day
              from new_rows r cross join lateral proof_experience_day_of(r, 1) k
             group by k.day, k.kind, k.band, k.satisfaction, k.recovered, k.served, k.remedied, k.back_within);
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        changes := changes || array(
            select (k.day, k.kind, k.band, k.satisfaction, k.recovered, k.served, k.remedied, k.back_within,
                    sum(k.clients))::proof_experience_day
              from old_rows r cross join lateral proof_experience_day_of(r, -1) k
             group by k.day, k.kind, k.band, k.satisfaction, k.recovered, k.served, k.remedied, k.back_within);
    end if;
    perform proof_experience_day_add(changes);
    return null;
end
$$;

-- Counts the read model as it stands into the days (the migration and the rebuild).
insert into proof_experience_day
select k.day, k.kind, k.band, k.satisfaction, k.recovered, k.served, k.remedied, k.back_within, sum(k.clients)
  from proof_first_experience f cross join lateral proof_experience_day_of(f, 1) k
 group by 1, 2, 3, 4, 5, 6, 7, 8;

create trigger proof_first_experience_days_insert after insert on proof_first_experience
    referencing new table as new_rows for each statement execute function proof_first_experience_days();
create trigger proof_first_experience_days_update after update on proof_first_experience
    referencing old table as old_rows new table as new_rows
    for each statement execute function proof_first_experience_days();
create trigger proof_first_experience_days_delete after delete on proof_first_experience
    referencing old table as old_rows for each statement execute function proof_first_experience_days();

create function proof_first_experience_days_truncate() returns trigger
    language plpgsql as $$
begin
    truncate proof_experience_day;
    return null;
end
$$;
create trigger proof_first_experience_days_truncate after truncate on proof_first_experience
    for each statement execute function proof_first_experience_days_truncate();

-- The follow and the rebuild of V141 now also keep whether a detractor's follow-up case was resolved (CaseResolved
-- follows the case's client, who is the answer's: FollowUps opens the case for them).
alter function proof_first_experience_follow(bigint[]) rename to proof_first_experience_follow_facts;
alter function proof_first_experience_rebuild() rename to proof_first_experience_rebuild_facts;

create function proof_first_experience_follow(clients bigint[]) returns void
    language sql as $$
    select proof_first_experience_follow_facts(clients);
    update proof_first_experience f
       set recovered = r.resolved
      from (select f2.customer_id,
                   exists (select 1 from service_resolutions s where s.case_id = f2.follow_up_case_id) as resolved
              from proof_first_experience f2
             where f2.customer_id = any (clients) and f2.kind = 'SURVEY') r
     where f.customer_id = r.customer_id and f.kind = 'SURVEY' and f.recovered is distinct from r.resolved;
$$;

create function proof_first_experience_rebuild() returns void
    language sql as $$
    select proof_first_experience_rebuild_facts();
    update proof_first_experience f
       set recovered = true
     where f.kind = 'SURVEY' and f.follow_up_case_id is not null
       and exists (select 1 from service_resolutions r where r.case_id = f.follow_up_case_id);
$$;
