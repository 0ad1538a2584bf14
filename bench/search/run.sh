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

if [ ! -f "$WORK/generated" ]; then
    echo "Generating the chain-sized data set (1,000,000 clients, 10,000,000 purchase lines)…"
    start=$(date +%s)
    psql_app "$DB_PORT" --single-transaction -f "$ROOT/bench/chain/generate.sql"
    echo "generated in $(( $(date +%s) - start )) s"
    touch "$WORK/generated"
fi

# The owner signs in; the password is made here, for this bench database only.
if [ ! -f "$WORK/owner-password" ]; then
    head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$WORK/owner-password"
    token=$(curl -fs -c "$WORK/cookies" "http://localhost:$HTTP_PORT/setup" | grep -o 'name="_csrf" value="[^"]*' | head -1 | sed 's/.*value="//')
    curl -fs -b "$WORK/cookies" -o /dev/null \
        --data-urlencode "_csrf=$token" --data-urlencode "ownerName=Bench Owner" \
        --data-urlencode "email=owner@chain.example" --data-urlencode "password=$(cat "$WORK/owner-password")" \
        --data-urlencode "passwordAgain=$(cat "$WORK/owner-password")" --data-urlencode "storeName=Head Office" \
        --data-urlencode "timeZone=Europe/London" "http://localhost:$HTTP_PORT/setup"
fi

psql_app "$DB_PORT" -At -F $'\t' -c \
    "select id, ro_fold(last_name), first_name from customer where external_id like 'G%' and id % 2003 = 0 order by id" \
    > "$WORK/samples.tsv"
echo "clients: $(psql_app "$DB_PORT" -At -c 'select count(*) from customer'), purchase lines: $(psql_app "$DB_PORT" -At -c 'select count(*) from purchase_line')"

"$(find_java)" "$ROOT/bench/search/SearchBench.java" "http://localhost:$HTTP_PORT" owner@chain.example \
    "$(cat "$WORK/owner-password")" "$WORK/samples.tsv" "$ROUNDS"
