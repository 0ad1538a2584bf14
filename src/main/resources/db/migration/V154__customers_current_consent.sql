-- The consent in force per client and channel (issue 16, item 2): the newest decision (by recorded_at, then id) and
-- whether consent was ever given, kept by triggers in the transaction that writes consent rows, so an audience over a
-- million clients reads one row per client instead of sorting every consent row ever recorded. The published views
-- customer_email_consent and customer_post_consent keep their columns and now read it.
create table consent_current (
    customer_id  bigint  not null references customer (id) on delete cascade,
    channel      text    not null,
    granted      boolean not null,
    ever_granted boolean not null,
    primary key (customer_id, channel)
);

-- Recomputes the touched (client, channel) pairs from their few consent rows (index consent_customer_channel).
create function consent_current_follow() returns trigger
    language plpgsql as $$
begin
    delete from consent_current cc
     using (select distinct customer_id, channel from changed) t
     where cc.customer_id = t.customer_id and cc.channel = t.channel
       and not exists (select 1 from consent c where c.customer_id = t.customer_id and c.channel = t.channel);
    insert into consent_current (customer_id, channel, granted, ever_granted)
    select t.customer_id, t.channel, n.granted, n.ever
      from (select distinct customer_id, channel from changed) t
      join lateral (select (array_agg(c.granted order by c.recorded_at desc, c.id desc))[1] as granted,
                           bool_or(c.granted) as ever
                      from consent c
                     where c.customer_id = t.customer_id and c.channel = t.channel) n on n.granted is not null
    on conflict (customer_id, channel) do update
        set granted = excluded.granted, ever_granted = excluded.ever_granted;
    return null;
end $$;

create trigger consent_current_insert after insert on consent
    referencing new table as changed for each statement execute function consent_current_follow();
create trigger consent_current_update after update on consent
    referencing new table as changed for each statement execute function consent_current_follow();
create trigger consent_current_delete after delete on consent
    referencing old table as changed for each statement execute function consent_current_follow();

insert into consent_current (customer_id, channel, granted, ever_granted)
select customer_id, channel, (array_agg(granted order by recorded_at desc, id desc))[1], bool_or(granted)
  from consent
 group by customer_id, channel;

create or replace view customer_email_consent as
select customer_id, granted, ever_granted from consent_current where channel = 'EMAIL';

create or replace view customer_post_consent as
select customer_id, granted, ever_granted from consent_current where channel = 'POST';
