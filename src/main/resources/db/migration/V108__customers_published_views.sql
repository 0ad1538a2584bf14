-- The client book's published read contract for other modules' set-based SQL (ADR 0089): campaigns picks its
-- audiences and clienteling its tasks from these views, never from the customer, consent, tag and date tables,
-- so the client book can change its tables as long as these columns keep their meaning. Each view reads through
-- to one table (or one grouping of it); a filter on customer_id, store_id or channel is pushed into it and uses
-- the table's indexes, as the same query on the table did.

-- Who a client is, where they are kept and how to reach them.
create view customer_directory as
select id, store_id, associate_id, external_id, first_name, last_name, email, language,
       address_line1, address_line2, postal_code, city, region, country
  from customer;

-- The consent in force per client, one view per channel (the newest decision, as customers.Consents reads it), and
-- whether it was ever granted (a withdrawal, not a client never asked). One view per channel rather than one grouped
-- by channel: grouped by client alone, the planner hashes the consents and streams the clients past them, as the
-- audience did on the table (grouped by client and channel it hashed the million clients instead, 15-20% slower).
create view customer_email_consent as
select customer_id,
       (array_agg(granted order by recorded_at desc, id desc))[1] as granted,
       bool_or(granted)                                           as ever_granted
  from consent
 where channel = 'EMAIL'
 group by customer_id;

create view customer_post_consent as
select customer_id,
       (array_agg(granted order by recorded_at desc, id desc))[1] as granted,
       bool_or(granted)                                           as ever_granted
  from consent
 where channel = 'POST'
 group by customer_id;

-- The client's tags, as the associate wrote them.
create view customer_tags as
select customer_id, tag from customer_tag;

-- Birthdays, anniversaries and other dates to remember (year may be null).
create view customer_dates as
select customer_id, kind, label, month, day, year from customer_date;
