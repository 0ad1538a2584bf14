#!/usr/bin/env bash
# Opens cases through POST /api/cases at 16 concurrent clients against the embedded PostgreSQL, then runs pgbench
# with the equivalent two-insert transaction (service_case + case_message) at the same concurrency on the same
# database. The last line printed is "cases/pgbench ratio: X.XX". Usage: bench/cases/run.sh [SECONDS]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

SECONDS_MEASURED=${1:-20}
WARMUP=${BENCH_WARMUP:-15}
CONCURRENCY=${BENCH_CONCURRENCY:-16}
CLIENTS=${BENCH_CLIENTS:-500}
WORK="$ROOT/bench/work/cases"
HTTP_PORT=${BENCH_HTTP_PORT:-18491}
DB_PORT=${BENCH_DB_PORT:-15491}
BASE="http://localhost:$HTTP_PORT"

command -v pgbench >/dev/null || { echo "pgbench not found: apt-get install postgresql-15 (Debian 12; it ships /usr/lib/postgresql/15/bin/pgbench)" >&2; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"
build_jar
trap stop_app EXIT
start_app "$WORK/data" "$HTTP_PORT" "$DB_PORT" "$WORK/app.log"

# First run: the owner and the store, then an API token of that store made straight in the bench database.
first_run "$BASE" "$WORK/cookies" owner@bench.example "$(new_password "$WORK/owner-password")" "Bench Store" Europe/Paris
STORE=$(psql_app "$DB_PORT" -At -c "select id from store order by id limit 1")
TOKEN=$(api_token "$DB_PORT" "$STORE" bench)

echo "API: $CLIENTS clients, ${WARMUP} s warm-up, ${SECONDS_MEASURED} s measured, $CONCURRENCY concurrent clients"
"$(find_java)" "$ROOT/bench/cases/CasesBench.java" "$BASE" "$TOKEN" "$CLIENTS" "$CONCURRENCY" "$WARMUP" \
    "$SECONDS_MEASURED" "$WORK/client-ids" | tee "$WORK/api.txt"

read -r CMIN CMAX COUNT < <(psql_app "$DB_PORT" -At -F ' ' -c "select min(id), max(id), count(*) from customer where store_id = $STORE")
if [ $((CMAX - CMIN + 1)) -ne "$COUNT" ]; then echo "client ids are not consecutive" >&2; exit 1; fi
echo "pgbench: ${WARMUP} s warm-up, ${SECONDS_MEASURED} s measured, $CONCURRENCY clients, same database"
PGBENCH=(pgbench -n -M prepared -c "$CONCURRENCY" -j 2 -f "$ROOT/bench/cases/open-case.sql"
         -D store="$STORE" -D cmin="$CMIN" -D cmax="$CMAX" -h localhost -p "$DB_PORT" -U postgres postgres)
"${PGBENCH[@]}" -T "$WARMUP" >/dev/null
"${PGBENCH[@]}" -T "$SECONDS_MEASURED" -r > "$WORK/pgbench.txt"
grep -E "latency average|^tps|number of transactions actually" "$WORK/pgbench.txt"
TPS=$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.txt")
CASES=$(awk '/^cases\/s:/ {print $2}' "$WORK/api.txt")
echo "pgbench TPS: $TPS"
awk -v c="$CASES" -v t="$TPS" 'BEGIN { printf "cases/pgbench ratio: %.2f\n", c / t }'
