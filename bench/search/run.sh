#!/usr/bin/env bash
# Client search on a chain-sized data set (1M clients, 10M purchase lines, 300 stores).
# Usage: bench/search/run.sh [ROUNDS]   (first run generates the data set: several minutes)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

ROUNDS=${1:-500}
WORK="$ROOT/bench/work/chain"
DATA="$WORK/data"
HTTP_PORT=${BENCH_HTTP_PORT:-18081}
DB_PORT=${BENCH_DB_PORT:-15433}
mkdir -p "$WORK"

build_jar
trap stop_app EXIT
start_app "$DATA" "$HTTP_PORT" "$DB_PORT" "$WORK/app.log"

chain_data "$DB_PORT" "$WORK"

# The owner signs in; the password is made here, for this bench database only.
if [ ! -f "$WORK/owner-password" ]; then
    first_run "http://localhost:$HTTP_PORT" "$WORK/cookies" owner@chain.example "$(new_password "$WORK/owner-password")" \
        "Head Office" Europe/London
fi

psql_app "$DB_PORT" -At -F $'\t' -c \
    "select id, ro_fold(last_name), first_name from customer where external_id like 'G%' and id % 2003 = 0 order by id" \
    > "$WORK/samples.tsv"
echo "clients: $(psql_app "$DB_PORT" -At -c 'select count(*) from customer'), purchase lines: $(psql_app "$DB_PORT" -At -c 'select count(*) from purchase_line')"

"$(find_java)" "$ROOT/bench/search/SearchBench.java" "http://localhost:$HTTP_PORT" owner@chain.example \
    "$(cat "$WORK/owner-password")" "$WORK/samples.tsv" "$ROUNDS"
