#!/usr/bin/env bash
# The pages an associate and an owner open all day, on the chain data set (1M clients, 10M purchase lines, 300 stores)
# plus cases, tasks and survey answers (bench/pages/extra.sql), each p95 over ROUNDS requests against the p95 of the
# lightest signed-in page in the same run. Last line: `pages/baseline worst ratio: X.XX` (target ≤ 3.00).
# Usage: bench/pages/run.sh [ROUNDS]   (200 unless given)
# Reuses the chain data set (bench/work/chain, made by bench/search/run.sh), copied once to bench/work/chain-pages so
# the extra rows never touch it. Set CHAIN_DATA to copy from elsewhere.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

ROUNDS=${1:-200}
WORK="$ROOT/bench/work/chain-pages"
DATA="$WORK/data"
HTTP_PORT=${BENCH_HTTP_PORT:-18093}
DB_PORT=${BENCH_DB_PORT:-15445}
copy_chain_data "$WORK"

build_jar
trap stop_app EXIT
START_WAIT=${START_WAIT:-1800} SPRING_FLYWAY_OUT_OF_ORDER=true start_app "$DATA" "$HTTP_PORT" "$DB_PORT" "$WORK/app.log"

if [ ! -f "$WORK/extra-done" ]; then
    echo "Adding cases, tasks and survey answers…"
    start=$(date +%s)
    psql_app "$DB_PORT" --single-transaction -f "$ROOT/bench/pages/extra.sql"
    echo "added in $(( $(date +%s) - start )) s"
    touch "$WORK/extra-done"
fi

# associate1 signs in with the owner's password (the chain's associates have none).
psql_app "$DB_PORT" -c "update associate set password_hash = (select password_hash from associate
    where email = 'owner@chain.example') where email = 'associate1@chain.example'" >/dev/null
CLIENT=$(psql_app "$DB_PORT" -At -c "select c.id from customer c join associate a on a.id = c.associate_id
    where a.email = 'associate1@chain.example' order by c.id limit 1")
SEARCH=$(psql_app "$DB_PORT" -At -c "select ro_fold(last_name) from customer where id = $CLIENT" \
    | sed -E 's/^(.)(.)(.)/\1\3\2/')
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$(find_java)" "$ROOT/bench/pages/PagesBench.java" "http://localhost:$HTTP_PORT" "$ROUNDS" \
    associate1@chain.example owner@chain.example "$(cat "$WORK/owner-password")" "$CLIENT" "$SEARCH"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
