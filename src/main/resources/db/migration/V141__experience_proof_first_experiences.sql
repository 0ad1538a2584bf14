-- "Does experience bring them back?" as a read model (ADR 0108): per client and kind, their first experience ever
-- and the first purchase after it, so the chain-wide page is one narrow grouped scan instead of a sort of every
-- answer and a join with every purchase. Owned by experience; rebuilt from experience's own survey_answer and the
-- published views service_resolutions (V134) and purchase_client_dates (V133), never from other modules' tables.
--   kind               SURVEY (a complete answer with a known client) or RESOLUTION (a resolution on a case)
--   at                 when the experience happened
--   store_id, associate_id, case_id, follow_up_case_id, come_back, satisfaction  of the answer (SURVEY)
--   store_id, associate_id, case_id, remedied                                      of the resolution (RESOLUTION)
--   next_purchase_at   the client's first purchase after it (not a return), in any store; null while none
create table proof_first_experience (
    customer_id       bigint      not null,
    kind              text        not null check (kind in ('SURVEY', 'RESOLUTION')),
    at                timestamptz not null,
    store_id          bigint      not null,
    associate_id      bigint,
    case_id           bigint,
    follow_up_case_id bigint,
    come_back         smallint,
    satisfaction      smallint,
    remedied          boolean,
    next_purchase_at  timestamptz,
    primary key (customer_id, kind)
);
create index proof_first_experience_store on proof_first_experience (store_id, kind, at);

-- Recomputes the rows of the given clients from the facts: called by survey_answer's trigger (same transaction) and
-- by the listeners of PurchasesRecorded and CaseResolved; proof_first_experience_rebuild() does every client.
-- Upserts rather than delete and insert, so two transactions following the same client wait for each other instead
-- of one failing on the primary key.
create function proof_first_experience_follow(clients bigint[]) returns void
    language sql as $$
    insert into proof_first_experience as f (customer_id, kind, at, store_id, associate_id, case_id,
                                             follow_up_case_id, come_back, satisfaction)
    select distinct on (a.customer_id) a.customer_id, 'SURVEY', a.answered_at, a.store_id, a.associate_id, a.case_id,
           a.follow_up_case_id, a.come_back, a.satisfaction
      from survey_answer a
     where a.complete and a.customer_id = any (clients)
     order by a.customer_id, a.answered_at, a.id
        on conflict (customer_id, kind) do update
       set at = excluded.at, store_id = excluded.store_id, associate_id = excluded.associate_id,
           case_id = excluded.case_id, follow_up_case_id = excluded.follow_up_case_id,
           come_back = excluded.come_back, satisfaction = excluded.satisfaction;
    insert into proof_first_experience as f (customer_id, kind, at, store_id, associate_id, case_id, remedied)
    select distinct on (r.customer_id) r.customer_id, 'RESOLUTION', r.resolved_at, r.store_id, r.associate_id,
           r.case_id, (r.kind <> 'ANSWERED' or r.cost > 0)
      from service_resolutions r
     where r.customer_id = any (clients)
     order by r.customer_id, r.resolved_at, r.case_id
        on conflict (customer_id, kind) do update
       set at = excluded.at, store_id = excluded.store_id, associate_id = excluded.associate_id,
           case_id = excluded.case_id, remedied = excluded.remedied;
    delete from proof_first_experience f
     where f.customer_id = any (clients)
       and case f.kind
               when 'SURVEY' then not exists (select 1 from survey_answer a
                                               where a.customer_id = f.customer_id and a.complete)
               else not exists (select 1 from service_resolutions r where r.customer_id = f.customer_id) end;
    update proof_first_experience f
       set next_purchase_at = (select min(p.purchased_at) from purchase_client_dates p
                                where p.customer_id = f.customer_id and p.purchased_at > f.at)
     where f.customer_id = any (clients);
$$;

create function proof_first_experience_rebuild() returns void
    language sql as $$
    truncate proof_first_experience;
    insert into proof_first_experience (customer_id, kind, at, store_id, associate_id, case_id, follow_up_case_id,
                                        come_back, satisfaction)
    select distinct on (a.customer_id) a.customer_id, 'SURVEY', a.answered_at, a.store_id, a.associate_id, a.case_id,
           a.follow_up_case_id, a.come_back, a.satisfaction
      from survey_answer a
     where a.complete and a.customer_id is not null
     order by a.customer_id, a.answered_at, a.id;
    insert into proof_first_experience (customer_id, kind, at, store_id, associate_id, case_id, remedied)
    select distinct on (r.customer_id) r.customer_id, 'RESOLUTION', r.resolved_at, r.store_id, r.associate_id,
           r.case_id, (r.kind <> 'ANSWERED' or r.cost > 0)
      from service_resolutions r
     order by r.customer_id, r.resolved_at, r.case_id;
    update proof_first_experience f
       set next_purchase_at = n.next_at
      from (select f2.customer_id, f2.kind, min(p.purchased_at) as next_at
              from proof_first_experience f2
              join purchase_client_dates p on p.customer_id = f2.customer_id and p.purchased_at > f2.at
             group by 1, 2) n
     where n.customer_id = f.customer_id and n.kind = f.kind;
$$;

-- Per statement, not per row: a bulk load of answers (an import, a benchmark's millions) follows its clients once,
-- and one that touches very many clients rebuilds instead.
create function survey_answer_proof() returns trigger
    language plpgsql as $$
declare
    clients bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(distinct customer_id) into clients
          from new_rows where complete and customer_id is not null;
    elsif tg_op = 'DELETE' then
        select array_agg(distinct customer_id) into clients from old_rows where customer_id is not null;
    else
        select array_agg(distinct c) into clients
          from old_rows o
          join new_rows n on n.id = o.id
         cross join lateral unnest(array[o.customer_id, n.customer_id]) c
         where c is not null
           and (o.customer_id, o.store_id, o.associate_id, o.answered_at, o.complete, o.come_back, o.satisfaction,
                o.case_id, o.follow_up_case_id)
               is distinct from (n.customer_id, n.store_id, n.associate_id, n.answered_at, n.complete, n.come_back,
                                 n.satisfaction, n.case_id, n.follow_up_case_id);
    end if;
    if clients is null then
        return null;
    elsif cardinality(clients) > 50000 then
        perform proof_first_experience_rebuild();
    else
        perform proof_first_experience_follow(clients);
    end if;
    return null;
end
$$;
create trigger survey_answer_proof_insert after insert on survey_answer
    referencing new table as new_rows for each statement execute function survey_answer_proof();
create trigger survey_answer_proof_update after update on survey_answer
    referencing old table as old_rows new table as new_rows for each statement execute function survey_answer_proof();
create trigger survey_answer_proof_delete after delete on survey_answer
    referencing old table as old_rows for each statement execute function survey_answer_proof();

select proof_first_experience_rebuild();
