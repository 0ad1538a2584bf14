#!/usr/bin/env bash
# The survey figures over a chain's answers: the owner's /experience page for all 300 stores and one store's page
# (their defaults: the last 12 months by month), p95 over ROUNDS requests each, beside a plain count(*) over the
# answers table measured in the same run on the same database.
# Usage: bench/experience/run.sh [ANSWERS] [CLIENTS] [ROUNDS]     (defaults: 3000000 1000000 20)
# The data set is generated on first use into bench/work/experience-ANSWERS-CLIENTS/ (bench/experience/generate.sql)
# and reused afterwards; delete that folder to start again.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

ANSWERS=${1:-3000000}
CLIENTS=${2:-1000000}
ROUNDS=${3:-20}
WORK="$ROOT/bench/work/experience-$ANSWERS-$CLIENTS"
DATA="$WORK/data"
HTTP_PORT=${BENCH_HTTP_PORT:-18097}
DB_PORT=${BENCH_DB_PORT:-15497}
BASE="http://localhost:$HTTP_PORT"
mkdir -p "$WORK"

build_jar
trap stop_app EXIT
start_app "$DATA" "$HTTP_PORT" "$DB_PORT" "$WORK/app.log"

if [ ! -f "$WORK/owner-password" ]; then
    first_run "$BASE" "$WORK/cookies" owner@chain.example "$(new_password "$WORK/owner-password")" "Head Office" \
        Europe/London
fi
if [ ! -f "$WORK/generated" ]; then
    echo "Generating 300 stores, 3,000 associates, $CLIENTS clients and $ANSWERS survey answers with their invitations…"
    start=$(date +%s)
    psql_app "$DB_PORT" --single-transaction -v answers="$ANSWERS" -v clients="$CLIENTS" \
        -f "$ROOT/bench/experience/generate.sql"
    psql_app "$DB_PORT" -c 'vacuum analyze survey_answer' -c 'vacuum analyze survey_invitation'
    echo "generated in $(( $(date +%s) - start )) s"
    touch "$WORK/generated"
fi

COOKIES="$WORK/cookies"
rm -f "$COOKIES"
sign_in "$BASE" "$COOKIES" owner@chain.example "$(cat "$WORK/owner-password")"
STORE=$(psql_app "$DB_PORT" -At -c "select id from store where name = 'Store 042'")
# The page must show figures, not a sign-in form or an error.
shown=$(curl -fs -b "$COOKIES" "$BASE/experience")
grep -q 'id="responses"' <<<"$shown" || { echo "the owner cannot open /experience" >&2; exit 1; }

page() { # URL → seconds for the whole page over HTTP
    curl -fs -o /dev/null -b "$COOKIES" -w '%{time_total}\n' "$1"
}
count_answers() { # ROUNDS timings (s) of count(*) over the answers table, measured by the server, one session
    { echo '\timing on'; for _ in $(seq 1 "$ROUNDS"); do echo 'select count(*) from survey_answer;'; done; } \
        | psql_app "$DB_PORT" -At | grep -o 'Time: [0-9.]*' | awk '{print $2/1000}'
}
p95() { sort -g | awk '{a[NR]=$1} END {i = int(NR * 0.95 + 0.999); if (i < 1) i = 1; if (i > NR) i = NR; print a[i]}'; }

echo "answers: $(psql_app "$DB_PORT" -At -c 'select count(*) from survey_answer'), invitations: $(psql_app "$DB_PORT" -At -c 'select count(*) from survey_invitation'), clients: $(psql_app "$DB_PORT" -At -c 'select count(*) from customer')"
# Warm-up: JIT, connection pool, PostgreSQL's buffers.
for _ in 1 2 3; do page "$BASE/experience" >/dev/null; page "$BASE/experience?store=$STORE" >/dev/null; done
count_answers >/dev/null

plain=$(count_answers | p95)
all=$(for _ in $(seq 1 "$ROUNDS"); do page "$BASE/experience"; done | p95)
one=$(for _ in $(seq 1 "$ROUNDS"); do page "$BASE/experience?store=$STORE"; done | p95)
printf 'select count(*) from survey_answer:     p95 %.3f s (%d rounds)\n' "$plain" "$ROUNDS"
printf 'owner, figures of all stores (12 months): p95 %.3f s over HTTP\n' "$all"
printf 'owner, figures of one store (12 months):  p95 %.3f s over HTTP\n' "$one"
awk -v a="$one" -v b="$plain" 'BEGIN { printf "one store / scan: %.2f\n", a / b }'
awk -v a="$all" -v b="$plain" 'BEGIN { printf "experience/scan ratio %.2f\n", a / b }'
