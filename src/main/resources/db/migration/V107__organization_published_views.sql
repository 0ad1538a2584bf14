-- The organization module's published read contract for other modules' SQL (ADR 0089): they join these views,
-- never the store and associate tables, to show a name beside their own rows. Plain projections: the planner
-- reads through them to the tables and their indexes, so a join costs what it did on the table.
--   store_directory      id, name and the time zone its days are counted in
--   associate_directory  id, name and home store (null for an owner)
create view store_directory as
select id, name, time_zone from store;

create view associate_directory as
select id, store_id, name from associate;
