-- Incremental segment refresh (docs/adr/0125-incremental-segment-refresh.md): each client's row keeps the purchase
-- figures it was computed from, each store its client count and the figures at which the frequency and monetary
-- scores step up, so a refresh recomputes only the clients whose purchases changed, whose scores a moved step
-- reaches, or whose recency band time alone changed, and rewrites only the rows that differ.
drop view book_segments;
alter table book_client_segment
    add column first_purchase_at timestamptz,
    add column last_purchase_at  timestamptz,
    drop column computed_at,
    drop column refresh_id,
    drop column recency_days;
create index book_client_segment_store_visits on book_client_segment (store_id, visits);
create index book_client_segment_store_spend on book_client_segment (store_id, net_spend);
create index book_client_segment_last_purchase on book_client_segment (last_purchase_at);
create index book_client_segment_first_purchase on book_client_segment (first_purchase_at);

-- Clients with a segment, per store (the n of the quintiles).
create table book_segment_store (
    store_id bigint  primary key,
    clients  integer not null
);

-- Per store, measure and score 2..5: a client whose figure is above value scores at least that (value is the
-- figure at position c - 1 in the store's ascending order, c the fewest clients below that the score needs);
-- below / equal: clients of the store whose figure is below / equal to value. value is null in a store of one
-- client (nobody scores above 1).
create table book_segment_threshold (
    store_id bigint   not null,
    measure  text     not null check (measure in ('VISITS', 'SPEND')),
    score    smallint not null check (score between 2 and 5),
    value    numeric,
    below    integer  not null,
    equal    integer  not null,
    primary key (store_id, measure, score)
);

-- A refresh that recomputed every client (and the state above); an incremental refresh needs one before it.
-- rewritten: rows inserted, updated or deleted.
alter table book_segment_refresh
    add column full_recompute boolean not null default false,
    add column rewritten      integer not null default 0;

-- The published contract is unchanged: computed_at is the time of the latest refresh, which every row is current as of.
create view book_segments as
select s.customer_id, s.store_id, s.segment, r.started_at as computed_at
  from book_client_segment s
 cross join (select started_at from book_segment_refresh where finished_at is not null order by id desc limit 1) r;
