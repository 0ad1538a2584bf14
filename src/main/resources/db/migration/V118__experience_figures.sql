-- The survey figures (issue 11, item 7; ADR 0097): the store's own day of every answer and invitation, and a
-- read model of counts per store and day, both kept by triggers, so /experience neither converts time zones per
-- row nor reads millions of answers to draw a year.

-- The day in the store's time zone (organization's published store_directory), UTC for a store it does not know.
create function survey_local_day(store bigint, at timestamptz) returns date
    language sql stable as $$
    select (at at time zone coalesce((select time_zone from store_directory where id = store), 'UTC'))::date
$$;

alter table survey_answer add column answered_on date;
alter table survey_invitation add column sent_on date;
update survey_answer set answered_on = survey_local_day(store_id, answered_at);
update survey_invitation set sent_on = survey_local_day(store_id, sent_at) where sent_at is not null;
alter table survey_answer alter column answered_on set not null;

create function survey_answer_day() returns trigger
    language plpgsql as $$
begin
    new.answered_on := survey_local_day(new.store_id, new.answered_at);
    return new;
end
$$;
create trigger survey_answer_day before insert or update of store_id, answered_at on survey_answer
    for each row execute function survey_answer_day();

create function survey_invitation_day() returns trigger
    language plpgsql as $$
begin
    new.sent_on := case when new.sent_at is not null then survey_local_day(new.store_id, new.sent_at) end;
    return new;
end
$$;
create trigger survey_invitation_day before insert or update of store_id, sent_at on survey_invitation
    for each row execute function survey_invitation_day();

-- Counts per store and day. Complete answers are scored, partial ones only counted; invitations count on the day
-- they were sent, "answered" once their status is COMPLETED. Rows of zeros may stay: they change no sum.
create table survey_figures_day (
    store_id                bigint  not null,
    day                     date    not null,
    complete                integer not null default 0,
    partial                 integer not null default 0,
    promoters               integer not null default 0,
    passives                integer not null default 0,
    detractors              integer not null default 0,
    satisfaction_count      integer not null default 0,
    satisfied               integer not null default 0,
    invitations_sent        integer not null default 0,
    invitations_answered    integer not null default 0,
    primary key (store_id, day)
);
create index survey_figures_day_day on survey_figures_day (day);

-- The same counts for the whole chain per day: the owner's page over every store reads a year as 365 rows. One row
-- per day takes every store's writes, so a transaction holds today's row only until it commits.
create table survey_figures_chain_day (
    day                     date    primary key,
    complete                integer not null default 0,
    partial                 integer not null default 0,
    promoters               integer not null default 0,
    passives                integer not null default 0,
    detractors              integer not null default 0,
    satisfaction_count      integer not null default 0,
    satisfied               integer not null default 0,
    invitations_sent        integer not null default 0,
    invitations_answered    integer not null default 0
);

-- Adds counts (negative ones take away) to a store's day and to the chain's.
create function survey_figures_add(store bigint, on_day date, n_complete integer, n_partial integer,
                                   n_promoters integer, n_passives integer, n_detractors integer,
                                   n_satisfaction_count integer, n_satisfied integer, n_invitations_sent integer,
                                   n_invitations_answered integer)
    returns void language sql as $$
    insert into survey_figures_day as f
    values (store, on_day, n_complete, n_partial, n_promoters, n_passives, n_detractors, n_satisfaction_count,
            n_satisfied, n_invitations_sent, n_invitations_answered)
    on conflict (store_id, day) do update
       set complete = f.complete + excluded.complete, partial = f.partial + excluded.partial,
           promoters = f.promoters + excluded.promoters, passives = f.passives + excluded.passives,
           detractors = f.detractors + excluded.detractors,
           satisfaction_count = f.satisfaction_count + excluded.satisfaction_count,
           satisfied = f.satisfied + excluded.satisfied,
           invitations_sent = f.invitations_sent + excluded.invitations_sent,
           invitations_answered = f.invitations_answered + excluded.invitations_answered;
    insert into survey_figures_chain_day as f
    values (on_day, n_complete, n_partial, n_promoters, n_passives, n_detractors, n_satisfaction_count, n_satisfied,
            n_invitations_sent, n_invitations_answered)
    on conflict (day) do update
       set complete = f.complete + excluded.complete, partial = f.partial + excluded.partial,
           promoters = f.promoters + excluded.promoters, passives = f.passives + excluded.passives,
           detractors = f.detractors + excluded.detractors,
           satisfaction_count = f.satisfaction_count + excluded.satisfaction_count,
           satisfied = f.satisfied + excluded.satisfied,
           invitations_sent = f.invitations_sent + excluded.invitations_sent,
           invitations_answered = f.invitations_answered + excluded.invitations_answered;
$$;

-- Adds (sign 1) or takes away (sign -1) what one answer counts.
create function survey_figures_answer(r survey_answer, sign integer) returns void
    language sql as $$
    select survey_figures_add(r.store_id, r.answered_on,
            sign * r.complete::int,
            sign * (not r.complete)::int,
            sign * coalesce(r.complete and r.come_back >= 9, false)::int,
            sign * coalesce(r.complete and r.come_back between 7 and 8, false)::int,
            sign * coalesce(r.complete and r.come_back <= 6, false)::int,
            sign * coalesce(r.complete and r.satisfaction is not null, false)::int,
            sign * coalesce(r.complete and r.satisfaction >= 4, false)::int,
            0, 0)
$$;

-- Adds (sign 1) or takes away (sign -1) what one invitation counts, once sent.
create function survey_figures_invitation(r survey_invitation, sign integer) returns void
    language sql as $$
    select survey_figures_add(r.store_id, r.sent_on, 0, 0, 0, 0, 0, 0, 0, sign, sign * (r.status = 'COMPLETED')::int)
     where r.sent_on is not null
$$;

create function survey_answer_figures() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (old.store_id, old.answered_on, old.complete, old.come_back, old.satisfaction)
            is not distinct from (new.store_id, new.answered_on, new.complete, new.come_back, new.satisfaction) then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform survey_figures_answer(old, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform survey_figures_answer(new, 1);
    end if;
    return null;
end
$$;
create trigger survey_answer_figures after insert or update or delete on survey_answer
    for each row execute function survey_answer_figures();

create function survey_invitation_figures() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (old.store_id, old.sent_on, old.status = 'COMPLETED')
            is not distinct from (new.store_id, new.sent_on, new.status = 'COMPLETED') then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform survey_figures_invitation(old, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform survey_figures_invitation(new, 1);
    end if;
    return null;
end
$$;
create trigger survey_invitation_figures after insert or update or delete on survey_invitation
    for each row execute function survey_invitation_figures();

-- Counts everything again from the answers and invitations: after a bulk load with the triggers off, or if the
-- read model is ever in doubt.
create function survey_figures_rebuild() returns void
    language sql as $$
    delete from survey_figures_day;
    delete from survey_figures_chain_day;
    insert into survey_figures_day (store_id, day, complete, partial, promoters, passives, detractors,
                                    satisfaction_count, satisfied, invitations_sent, invitations_answered)
    select store_id, day, sum(complete), sum(partial), sum(promoters), sum(passives), sum(detractors),
           sum(satisfaction_count), sum(satisfied), sum(sent), sum(answered)
      from (select store_id, answered_on as day,
                   count(*) filter (where complete) as complete,
                   count(*) filter (where not complete) as partial,
                   count(*) filter (where complete and come_back >= 9) as promoters,
                   count(*) filter (where complete and come_back between 7 and 8) as passives,
                   count(*) filter (where complete and come_back <= 6) as detractors,
                   count(*) filter (where complete and satisfaction is not null) as satisfaction_count,
                   count(*) filter (where complete and satisfaction >= 4) as satisfied,
                   0 as sent, 0 as answered
              from survey_answer group by 1, 2
            union all
            select store_id, sent_on, 0, 0, 0, 0, 0, 0, 0, count(*), count(*) filter (where status = 'COMPLETED')
              from survey_invitation where sent_on is not null group by 1, 2) counts
     group by 1, 2;
    insert into survey_figures_chain_day
    select day, sum(complete), sum(partial), sum(promoters), sum(passives), sum(detractors), sum(satisfaction_count),
           sum(satisfied), sum(invitations_sent), sum(invitations_answered)
      from survey_figures_day group by 1;
$$;
select survey_figures_rebuild();

-- The raw answers, for a slice by associate or channel, the comments and the follow-ups, newest first.
create index survey_answer_store_day on survey_answer (store_id, answered_on);
create index survey_answer_commented on survey_answer (answered_at) where complete and comment is not null;
create index survey_answer_followed_up on survey_answer (answered_at) where follow_up_case_id is not null;
create index survey_invitation_store_sent on survey_invitation (store_id, sent_on) where sent_on is not null;
create index survey_invitation_associate_sent on survey_invitation (associate_id, sent_on) where sent_on is not null;
