-- When each client bought, the purchases module's published read contract for "does experience bring them back?"
-- (experience, ADR 0108): one row per purchase of a known client that is not a return or cancellation, imported
-- history included. Other modules read this view, never the purchase table.
--   customer_id   the client
--   store_id      where they bought
--   purchased_at  when
create view purchase_client_dates as
select p.customer_id, p.store_id, p.purchased_at
  from purchase p
 where p.customer_id is not null
   and not p.is_return;
