-- One row per client who has bought something that was not returned: their recency / frequency / monetary
-- scores and named segment, as of computed_at (method: docs/adr/0060-client-segments.md). Rewritten set-based
-- by org.ruleone.clienteling.Segments#refresh. Other modules may read customer_id, segment and computed_at (the
-- published contract, see Segments.SQL_VIEW); the other columns may change.
create table book_client_segment (
    customer_id       bigint        primary key,
    store_id          bigint        not null,
    segment           text          not null check (segment in
                          ('CHAMPIONS', 'LOYAL', 'PROMISING', 'NEW', 'NEEDS_ATTENTION', 'AT_RISK', 'LAPSED')),
    recency_score     smallint      not null check (recency_score between 1 and 5),
    frequency_score   smallint      not null check (frequency_score between 1 and 5),
    monetary_score    smallint      not null check (monetary_score between 1 and 5),
    recency_days      integer       not null,
    visits            integer       not null,
    net_spend         numeric(18,4) not null,
    computed_at       timestamptz   not null,
    -- The refresh that wrote the row: a later refresh deletes the rows it did not write.
    refresh_id        bigint        not null
) with (fillfactor = 50);
-- Half-empty pages: each refresh rewrites every row, and a row updated within its own page (a HOT update) leaves
-- the indexes alone and is cleaned up without a vacuum.
create index book_client_segment_store_segment on book_client_segment (store_id, segment);

-- Each refresh: when, why, how many clients and how long, so the screen can say "as of" and a slow one shows.
create table book_segment_refresh (
    id             bigint generated always as identity primary key,
    reason         text        not null check (reason in ('SCHEDULED', 'ON_DEMAND', 'PURCHASES_CHANGED')),
    started_at     timestamptz not null,
    finished_at    timestamptz,
    clients        integer     not null,
    -- What the purchases looked like (ClientPurchaseFigures#changeMarker), to skip a scheduled refresh with nothing new.
    purchases_mark text        not null
);

-- The published contract for other modules' SQL (Segments.SQL_VIEW): pick clients by segment set-based.
create view book_segments as
select customer_id, store_id, segment, computed_at from book_client_segment;
