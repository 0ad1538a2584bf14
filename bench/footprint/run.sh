#!/usr/bin/env bash
# Memory of a one-shop install: starts the application on a fresh embedded database, sets up the owner, signs in,
# opens the main pages once, waits (60 s unless IDLE_SECONDS is set), then prints the proportional set size (PSS:
# shared pages count once, split between the processes sharing them) of the Java process and of every PostgreSQL
# process of its data directory. Last line: `footprint MB: N` (target ≤ 400).
# Usage: bench/footprint/run.sh            the default settings
#        APP_JAVA_OPTS="…" RULEONE_DB_POOL=… bench/footprint/run.sh   other settings (README, "A 1 GB machine")
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

WORK="$ROOT/bench/work/footprint"
DATA="$WORK/data"
HTTP_PORT=${BENCH_HTTP_PORT:-18095}
DB_PORT=${BENCH_DB_PORT:-15447}
BASE="http://localhost:$HTTP_PORT"
COOKIES="$WORK/cookies"
rm -rf "$WORK"
mkdir -p "$WORK"

build_jar
trap stop_app EXIT
start_app "$DATA" "$HTTP_PORT" "$DB_PORT" "$WORK/app.log"
PASSWORD=$(new_password "$WORK/owner-password")
first_run "$BASE" "$COOKIES" footprint-owner@example.com "$PASSWORD" "Footprint store" Europe/Warsaw
sign_in "$BASE" "$COOKIES" footprint-owner@example.com "$PASSWORD"

pages=(/ /book /clients /clients?q=smith /cases /tasks /calls /products /campaigns /experience /experience/proof
       /experience/mystery /heroics /legends /training /rankings /service/reports/ledger /service/reports/standards /associates /settings)
for p in "${pages[@]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$COOKIES" "$BASE$p")
    printf '%-22s %s\n' "$p" "$code"
done

echo "idle for ${IDLE_SECONDS:-60} s…"
sleep "${IDLE_SECONDS:-60}"

pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
java_kb=$(pss_kb "$APP_PID")
pg_kb=0
pg_count=0
for pid in $(pgrep -f -- "$DATA" || true); do
    [ "$pid" = "$APP_PID" ] && continue
    for p in "$pid" $(pgrep -P "$pid" || true); do
        kb=$(pss_kb "$p"); pg_kb=$((pg_kb + kb)); pg_count=$((pg_count + 1))
    done
done
echo "java PSS MB: $((java_kb / 1024)) (pid $APP_PID, settings: ${APP_JAVA_OPTS:-defaults}, pool ${RULEONE_DB_POOL:-20})"
echo "postgresql PSS MB: $((pg_kb / 1024)) ($pg_count processes)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "footprint MB: $(((java_kb + pg_kb) / 1024))"
