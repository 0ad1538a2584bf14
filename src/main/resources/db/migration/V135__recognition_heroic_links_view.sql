-- Which heroics name which client or case, one row per hero: the recognition module's published read contract for
-- readers that ask "was this client served by a hero?" (experience, ADR 0108). Other modules read this view, never
-- the heroic tables.
--   heroic_id                the heroic
--   customer_id, case_id     the client and the case it links to (either may be null)
--   associate_id, store_id   a hero of it and the store they were in
--   happened_on, reported_at when it happened (the reporter's day) and when it was reported
create view recognition_heroic_links as
select h.id as heroic_id, h.customer_id, h.case_id, hh.associate_id, hh.store_id, h.happened_on, h.reported_at
  from heroic h
  join heroic_hero hh on hh.heroic_id = h.id
 where h.customer_id is not null or h.case_id is not null;
create index heroic_case on heroic (case_id) where case_id is not null;
