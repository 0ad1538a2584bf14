#!/usr/bin/env bash
# Refreshing the client segments of the chain-sized data set (1,000,000 clients, 2,500,000 purchases), through
# the application's own code path: a manager's "Recompute segments now" (POST /book/segments/refresh).
# Baseline in the same run: the per-client aggregation alone (select over the purchase_client_figures view),
# which any refresh has to do. Last line: "refresh/aggregate ratio: X.XX".
# Usage: bench/segments/run.sh [ROUNDS]   (reuses bench/work/chain from bench/search/run.sh; generates it if missing)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

ROUNDS=${1:-3}
WORK="$ROOT/bench/work/chain"
DATA="$WORK/data"
HTTP_PORT=${BENCH_HTTP_PORT:-18083}
DB_PORT=${BENCH_DB_PORT:-15437}
mkdir -p "$WORK"

build_jar
trap stop_app EXIT
# Check for new purchases only once an hour: the bench asks for each refresh itself.
APP_JAVA_OPTS="${APP_JAVA_OPTS:-} -Druleone.clienteling.segments.first-check=PT1H -Druleone.clienteling.segments.check-every=PT1H"
start_app "$DATA" "$HTTP_PORT" "$DB_PORT" "$WORK/app-segments.log"

chain_data "$DB_PORT" "$WORK"

if [ ! -f "$WORK/owner-password" ]; then
    first_run "http://localhost:$HTTP_PORT" "$WORK/cookies" owner@chain.example "$(new_password "$WORK/owner-password")" \
        "Head Office" Europe/London
fi

JAR_COOKIES="$WORK/segments-cookies"
rm -f "$JAR_COOKIES"
csrf() { curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" "http://localhost:$HTTP_PORT/$1" | csrf_of; }
sign_in "http://localhost:$HTTP_PORT" "$JAR_COOKIES" owner@chain.example "$(cat "$WORK/owner-password")"

echo "clients: $(psql_app "$DB_PORT" -At -c 'select count(*) from customer'), purchases: $(psql_app "$DB_PORT" -At -c 'select count(*) from purchase')"
agg_total=0; refresh_total=0
for round in $(seq 1 "$ROUNDS"); do
    start=$(date +%s%N)
    psql_app "$DB_PORT" -At -c "set work_mem = '256MB'; select count(*), sum(visits) from purchase_client_figures" >/dev/null
    agg_ms=$(( ($(date +%s%N) - start) / 1000000 ))

    before=$(psql_app "$DB_PORT" -At -c "select coalesce(max(id), 0) from book_segment_refresh")
    token=$(csrf book)
    start=$(date +%s%N)
    curl -fs -b "$JAR_COOKIES" -o /dev/null --data-urlencode "_csrf=$token" "http://localhost:$HTTP_PORT/book/segments/refresh"
    while [ -z "$(psql_app "$DB_PORT" -At -c "select id from book_segment_refresh where id > $before and finished_at is not null")" ]; do
        sleep 0.2
    done
    refresh_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    row=$(psql_app "$DB_PORT" -At -F ' ' -c "select clients, round(extract(epoch from finished_at - started_at) * 1000) from book_segment_refresh where id > $before")
    echo "round $round: aggregate ${agg_ms} ms; refresh ${refresh_ms} ms end to end (${row#* } ms in the database) for ${row%% *} clients"
    agg_total=$((agg_total + agg_ms)); refresh_total=$((refresh_total + refresh_ms))
done
psql_app "$DB_PORT" -At -c "select segment, count(*) from book_client_segment group by segment order by 2 desc" | tr '\n' ' '; echo
awk -v r="$refresh_total" -v a="$agg_total" 'BEGIN { printf "refresh/aggregate ratio: %.2f\n", r / a }'
