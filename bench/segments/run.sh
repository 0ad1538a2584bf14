#!/usr/bin/env bash
# Refreshing the client segments of the chain-sized data set (1,000,000 clients, 2,500,000 purchases), through
# the application's own code paths, beside the per-client aggregation alone (a select over the
# purchase_client_figures view, which a full refresh has to do) in the same run:
#  1. full refresh: a manager's "Recompute segments now" (POST /book/segments/refresh), ROUNDS times;
#  2. incremental refresh: 1% of the clients (10,000) buy, written by SQL as the till API writes a purchase (a
#     purchase row and its lines), and the application's own "purchases changed" check refreshes; ROUNDS times.
# Refresh times are the database's (book_segment_refresh: finished_at - started_at), the aggregation's psql's.
# Last lines: "incremental/aggregate ratio: X.XX" and "refresh/aggregate ratio: X.XX" (the full refresh).
# Usage: bench/segments/run.sh [ROUNDS]
# Reuses the chain data set: bench/work/chain (made by bench/search/run.sh), copied once to bench/work/chain-segments
# so this branch's migrations and the purchases added here never touch it. Set CHAIN_DATA to copy from elsewhere.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

ROUNDS=${1:-3}
WORK="$ROOT/bench/work/chain-segments"
DATA="$WORK/data"
HTTP_PORT=${BENCH_HTTP_PORT:-18083}
DB_PORT=${BENCH_DB_PORT:-15437}
copy_chain_data "$WORK"

build_jar
trap stop_app EXIT
# The "purchases changed" check runs every 2 s, so the incremental refresh starts right after the bench's purchases.
APP_JAVA_OPTS="${APP_JAVA_OPTS:-} -Druleone.clienteling.segments.first-check=PT2S -Druleone.clienteling.segments.check-every=PT2S"
# The copy was made by an older build: migrations added since (lower numbers included) are applied on top, and
# on a million clients they take a while, so wait up to 30 minutes.
START_WAIT=${START_WAIT:-1800} SPRING_FLYWAY_OUT_OF_ORDER=true start_app "$DATA" "$HTTP_PORT" "$DB_PORT" "$WORK/app.log"

JAR_COOKIES="$WORK/segments-cookies"
rm -f "$JAR_COOKIES"
csrf() { curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" "http://localhost:$HTTP_PORT/$1" | csrf_of; }
sign_in "http://localhost:$HTTP_PORT" "$JAR_COOKIES" owner@chain.example "$(cat "$WORK/owner-password")"

last_refresh() { psql_app "$DB_PORT" -At -c "select coalesce(max(id), 0) from book_segment_refresh"; }
# wait_refresh AFTER_ID REASON — waits for a refresh for REASON begun after AFTER_ID to finish; prints "ms clients reason".
wait_refresh() {
    local row
    for _ in $(seq 1 3000); do
        row=$(psql_app "$DB_PORT" -At -F ' ' -c "select round(extract(epoch from finished_at - started_at) * 1000),
                clients, reason from book_segment_refresh where id > $1 and reason = '$2' and finished_at is not null
                order by id limit 1")
        if [ -n "$row" ]; then echo "$row"; return 0; fi
        sleep 0.2
    done
    echo "no refresh after $1" >&2; return 1
}
aggregate_ms() {
    psql_app "$DB_PORT" -At -c "set work_mem = '256MB'" -c '\timing on' \
        -c "select count(*), sum(visits) from purchase_client_figures" | grep -o 'Time: [0-9.]*' | awk '{printf "%d", $2}'
}

echo "clients: $(psql_app "$DB_PORT" -At -c 'select count(*) from customer'), purchases: $(psql_app "$DB_PORT" -At -c 'select count(*) from purchase')"
# Whatever the copy's migrations or the first check left to do (a refresh holds an advisory lock) is done before
# measuring: the lock free three checks in a row.
free=0
while [ "$free" -lt 3 ]; do
    sleep 2
    if [ "$(psql_app "$DB_PORT" -At -c "select pg_try_advisory_lock(hashtext('book_client_segment'))
            and pg_advisory_unlock(hashtext('book_client_segment'))")" = t ]; then free=$((free + 1)); else free=0; fi
done
psql_app "$DB_PORT" -At -F ' ' -c "select 'first refresh after start: ' || round(extract(epoch from finished_at - started_at) * 1000)
    || ' ms in the database (' || reason || ', every client: ' || full_recompute || ') for ' || clients || ' clients, '
    || rewritten || ' rows written' from book_segment_refresh where finished_at is not null order by id desc limit 1" 2>/dev/null \
    || psql_app "$DB_PORT" -At -c "select 'last refresh: ' || round(extract(epoch from finished_at - started_at) * 1000) || ' ms'
    from book_segment_refresh where finished_at is not null order by id desc limit 1"

RUN=$(date +%s) # invoices of this run: a copy keeps those of earlier runs
agg_total=0; full_total=0; incr_total=0
for round in $(seq 1 "$ROUNDS"); do
    agg_ms=$(aggregate_ms)
    before=$(last_refresh)
    token=$(csrf book)
    start=$(date +%s%N)
    curl -fs -b "$JAR_COOKIES" -o /dev/null --data-urlencode "_csrf=$token" "http://localhost:$HTTP_PORT/book/segments/refresh"
    read -r full_ms clients reason < <(wait_refresh "$before" ON_DEMAND)
    e2e_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "round $round: aggregate ${agg_ms} ms; full refresh ${full_ms} ms in the database (${e2e_ms} ms end to end, $reason) for $clients clients; load $(cut -d' ' -f1-3 /proc/loadavg)"
    agg_total=$((agg_total + agg_ms)); full_total=$((full_total + full_ms))
done
for round in $(seq 1 "$ROUNDS"); do
    agg_ms=$(aggregate_ms)
    before=$(last_refresh)
    # 1% of the clients buy today: a purchase of two lines each, as TillPurchases writes it.
    psql_app "$DB_PORT" --single-transaction -c "
        create temporary table bench_bought on commit drop as
        select c.id as customer_id, c.store_id, c.country from customer c where c.id % 100 = $round;
        with p as (
            insert into purchase (store_id, invoice_no, customer_id, purchased_at, country, total, items, line_count, is_return)
            select store_id, 'BENCH-$RUN-$round-' || customer_id, customer_id, now(), coalesce(country, ''), 42.50, 3, 2, false
              from bench_bought
            on conflict (store_id, invoice_no) do nothing
            returning id)
        insert into purchase_line (purchase_id, line_in_invoice, sku, description, quantity, unit_price)
        select p.id, n, 'SKU' || n, 'Bench item ' || n, case n when 1 then 2 else 1 end, case n when 1 then 12.50 else 17.50 end
          from p cross join generate_series(1, 2) n;" >/dev/null
    read -r incr_ms clients reason < <(wait_refresh "$before" PURCHASES_CHANGED)
    written=$(psql_app "$DB_PORT" -At -c "select rewritten from book_segment_refresh where id > $before and reason = 'PURCHASES_CHANGED' order by id limit 1" 2>/dev/null || echo '?')
    echo "round $round: aggregate ${agg_ms} ms; incremental refresh after 1% bought ${incr_ms} ms in the database ($reason) for $clients clients, $written rows written; load $(cut -d' ' -f1-3 /proc/loadavg)"
    agg_total=$((agg_total + agg_ms)); incr_total=$((incr_total + incr_ms))
done
psql_app "$DB_PORT" -At -c "select segment, count(*) from book_client_segment group by segment order by 2 desc" | tr '\n' ' '; echo
# The aggregation is timed 2 × ROUNDS times: its mean is the baseline of both ratios.
awk -v i="$incr_total" -v r="$full_total" -v a="$agg_total" -v n="$ROUNDS" 'BEGIN {
    printf "incremental/aggregate ratio: %.2f\n", i / (a / 2)
    printf "refresh/aggregate ratio: %.2f\n", r / (a / 2) }'
