-- Per-client purchase figures, the purchases module's published read contract for set-based readers (client
-- segments over a whole chain). Documented in org.ruleone.purchases.ClientPurchaseFigures; other modules read
-- this view, never the purchase table. A filter on customer_id is pushed into the grouping, so asking for a
-- few clients reads only their rows through the purchase_customer index.
--   store_id          the store of the client's latest purchase (where they shop now)
--   first/last_purchase_at  first and latest purchase that is not a return (null when only returns)
--   visits            purchases that are not returns
--   returns           returns and cancellations
--   net_spend         purchases minus returns, in the store's currency
create view purchase_client_figures as
select p.customer_id,
       -- The store of the latest purchase, without an ordered aggregate: grouping every client is then one
       -- hashed pass over the table, not a read in client order through the index with a sort per client.
       (max(array[extract(epoch from p.purchased_at)::bigint, p.store_id]))[2] as store_id,
       min(p.purchased_at) filter (where not p.is_return)                  as first_purchase_at,
       max(p.purchased_at) filter (where not p.is_return)                  as last_purchase_at,
       count(*) filter (where not p.is_return)                             as visits,
       count(*) filter (where p.is_return)                                 as returns,
       coalesce(sum(p.total), 0)                                           as net_spend
  from purchase p
 where p.customer_id is not null
 group by p.customer_id;
