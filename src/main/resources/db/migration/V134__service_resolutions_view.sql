-- Every resolution given on a case, the service module's published read contract for readers that count them
-- (experience's "does experience bring them back?", ADR 0108). Other modules read this view, never the resolution
-- or service_case tables.
--   case_id, store_id, customer_id  the case, its store and its client
--   associate_id                    who gave the resolution
--   resolved_at                     when it was given
--   kind                            REFUND, EXCHANGE, … or ANSWERED (an answer and nothing else)
--   cost                            what it cost the store, in the store's currency
create view service_resolutions as
select r.case_id, c.store_id, c.customer_id, r.associate_id, r.created_at as resolved_at, r.kind, r.cost
  from resolution r
  join service_case c on c.id = r.case_id;
