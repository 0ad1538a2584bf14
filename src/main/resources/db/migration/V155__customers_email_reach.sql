-- Who can be reached by e-mail, counted per store, kept in the transaction that writes the client or the consent
-- (issue 16, item 2; ADR 0122). A campaign's audience of every client of a store or of the chain is then a sum over a
-- few hundred rows instead of classifying a million clients; a narrowed audience (tags, languages, segments,
-- purchases) still classifies its clients one by one (campaigns.Audiences).
--
-- customer_email_reach: each client's state, exactly as an audience classifies it before bounces (bounced addresses
-- are the campaigns module's and are looked up per address there):
--   NO_CONSENT  no e-mail consent in force and never given
--   WITHDRAWN   no e-mail consent in force, given once
--   NO_ADDRESS  consent in force, no usable address (none, or no '@')
--   REACHABLE   consent in force and an address
-- customer_email_reach_delta: +1/-1 rows per store and state written by a statement trigger from the state rows that
-- changed (no row is updated in place, so concurrent writers never wait on a counter); CustomerReachCompaction folds
-- them now and then. customer_email_reach_counts (published) sums them.
create table customer_email_reach (
    customer_id bigint primary key references customer (id) on delete cascade,
    store_id    bigint not null,
    state       text   not null
);

create table customer_email_reach_delta (
    store_id bigint not null,
    state    text   not null,
    n        bigint not null
);

-- Recomputes the state of the given clients from the client row and the consent in force; writes only what moved.
create function customer_email_reach_refresh(ids bigint[]) returns void
    language sql as $$
    insert into customer_email_reach (customer_id, store_id, state)
    select c.id, c.store_id,
           case when not coalesce(k.granted, false) then
                    case when coalesce(k.ever_granted, false) then 'WITHDRAWN' else 'NO_CONSENT' end
                when c.email is null or position('@' in c.email) = 0 then 'NO_ADDRESS'
                else 'REACHABLE' end
      from customer c
      left join consent_current k on k.customer_id = c.id and k.channel = 'EMAIL'
     where c.id = any(ids)
    on conflict (customer_id) do update set store_id = excluded.store_id, state = excluded.state
     where (customer_email_reach.store_id, customer_email_reach.state)
           is distinct from (excluded.store_id, excluded.state);
$$;

create function customer_email_reach_follow_clients() returns trigger
    language plpgsql as $$
begin
    perform customer_email_reach_refresh(array(select id from changed));
    return null;
end $$;

create function customer_email_reach_follow_consents() returns trigger
    language plpgsql as $$
begin
    perform customer_email_reach_refresh(array(select distinct customer_id from changed where channel = 'EMAIL'));
    return null;
end $$;

-- The counts follow the state rows that changed: +1 for each new state, -1 for each old one.
create function customer_email_reach_count() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into customer_email_reach_delta (store_id, state, n)
        select store_id, state, count(*) from new_rows group by store_id, state;
    elsif tg_op = 'DELETE' then
        insert into customer_email_reach_delta (store_id, state, n)
        select store_id, state, -count(*) from old_rows group by store_id, state;
    else
        insert into customer_email_reach_delta (store_id, state, n)
        select store_id, state, sum(n)
          from (select store_id, state, 1 as n from new_rows
                union all
                select store_id, state, -1 from old_rows) d
         group by store_id, state
        having sum(n) <> 0;
    end if;
    return null;
end $$;

create trigger customer_email_reach_insert after insert on customer_email_reach
    referencing new table as new_rows for each statement execute function customer_email_reach_count();
create trigger customer_email_reach_update after update on customer_email_reach
    referencing old table as old_rows new table as new_rows
    for each statement execute function customer_email_reach_count();
create trigger customer_email_reach_delete after delete on customer_email_reach
    referencing old table as old_rows for each statement execute function customer_email_reach_count();

create trigger customer_email_reach_client_insert after insert on customer
    referencing new table as changed for each statement execute function customer_email_reach_follow_clients();
create trigger customer_email_reach_client_update after update on customer
    referencing new table as changed for each statement execute function customer_email_reach_follow_clients();
-- a deleted client's state row goes with it (on delete cascade), and its delete trigger counts it out

create trigger customer_email_reach_consent_insert after insert on consent_current
    referencing new table as changed for each statement execute function customer_email_reach_follow_consents();
create trigger customer_email_reach_consent_update after update on consent_current
    referencing new table as changed for each statement execute function customer_email_reach_follow_consents();
create trigger customer_email_reach_consent_delete after delete on consent_current
    referencing old table as changed for each statement execute function customer_email_reach_follow_consents();

insert into customer_email_reach (customer_id, store_id, state)
select c.id, c.store_id,
       case when not coalesce(k.granted, false) then
                case when coalesce(k.ever_granted, false) then 'WITHDRAWN' else 'NO_CONSENT' end
            when c.email is null or position('@' in c.email) = 0 then 'NO_ADDRESS'
            else 'REACHABLE' end
  from customer c
  left join consent_current k on k.customer_id = c.id and k.channel = 'EMAIL';

-- Published: clients per store and state.
create view customer_email_reach_counts as
select store_id, state, sum(n) as clients
  from customer_email_reach_delta
 group by store_id, state
having sum(n) <> 0;

-- Bounced addresses are matched against clients by their trimmed, lower-case address (campaigns' audience).
create index customer_email_trimmed on customer (lower(btrim(email)));
