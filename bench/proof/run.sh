#!/usr/bin/env bash
# "Does experience bring them back?" over a chain: the owner's chain-wide /experience/proof page and one store's
# /rankings as that store's manager sees it, p95 over ROUNDS requests each, beside a plain count(*) over the purchase
# lines measured in the same run on the same database.
# Usage: bench/proof/run.sh [ANSWERS] [ROUNDS]     (defaults: 3000000 20)
# The data set is made on first use into bench/work/proof-ANSWERS/ and reused afterwards (delete that folder to start
# again): the chain data set (bench/chain/generate.sql: 300 stores, 3,000 associates, 1,000,000 clients, 10,000,000
# purchase lines), then the experience benchmark's answers over those clients (bench/experience/generate.sql with
# on_chain), then the rankings' projections of both (bench/proof/project.sql: no event was published for them).
# PROOF_PATH and RANKINGS_PATH name other pages to measure (the harness was first tried on /experience).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

ANSWERS=${1:-3000000}
ROUNDS=${2:-20}
PROOF_PATH=${PROOF_PATH:-/experience/proof}
# The answers end on 30 Nov 2026 and the chain's purchases in 2025: the default period (this month) would be empty.
RANKINGS_PATH=${RANKINGS_PATH:-/rankings?period=2026-Q3}
WORK="$ROOT/bench/work/proof-$ANSWERS"
DATA="$WORK/data"
HTTP_PORT=${BENCH_HTTP_PORT:-18099}
DB_PORT=${BENCH_DB_PORT:-15499}
BASE="http://localhost:$HTTP_PORT"
MANAGER=associate10@chain.example # a manager of Store 011 (bench/chain/generate.sql: every tenth associate)
mkdir -p "$WORK"

build_jar
trap stop_app EXIT
# A data set made by an older build gets the migrations added since (lower numbers too), on millions of rows.
export SPRING_FLYWAY_OUT_OF_ORDER=true
START_WAIT=1800 start_app "$DATA" "$HTTP_PORT" "$DB_PORT" "$WORK/app.log"

if [ ! -f "$WORK/owner-password" ]; then
    first_run "$BASE" "$WORK/cookies" owner@chain.example "$(new_password "$WORK/owner-password")" "Head Office" \
        Europe/London
fi
chain_data "$DB_PORT" "$WORK"
if [ ! -f "$WORK/answered" ]; then
    echo "Adding $ANSWERS survey answers with their invitations over the chain's clients…"
    start=$(date +%s)
    psql_app "$DB_PORT" --single-transaction -v answers="$ANSWERS" -v clients=1000000 -v on_chain=1 \
        -f "$ROOT/bench/experience/generate.sql"
    psql_app "$DB_PORT" -c 'vacuum analyze survey_answer' -c 'vacuum analyze survey_invitation'
    echo "answered in $(( $(date +%s) - start )) s"
    touch "$WORK/answered"
fi
if [ ! -f "$WORK/projected" ] && [ "$(psql_app "$DB_PORT" -At -c "select to_regclass('rankings_survey') is not null")" = t ]; then
    echo "Projecting the answers and purchases for the rankings, as its listeners would have…"
    start=$(date +%s)
    psql_app "$DB_PORT" --single-transaction -f "$ROOT/bench/proof/project.sql"
    echo "projected in $(( $(date +%s) - start )) s"
    touch "$WORK/projected"
fi
# The manager signs in with a password made here, for this bench database only.
psql_app "$DB_PORT" -c "update associate set password_hash = '{noop}$(new_password "$WORK/manager-password")'
    where email = '$MANAGER'" >/dev/null

OWNER="$WORK/owner-cookies"
STORE_MANAGER="$WORK/manager-cookies"
rm -f "$OWNER" "$STORE_MANAGER"
sign_in "$BASE" "$OWNER" owner@chain.example "$(cat "$WORK/owner-password")"
sign_in "$BASE" "$STORE_MANAGER" "$MANAGER" "$(cat "$WORK/manager-password")"

page() { # COOKIES URL → seconds for the whole page over HTTP
    curl -fs -o /dev/null -b "$1" -w '%{time_total}\n' "$2"
}
shows() { # COOKIES URL WHO [TEXT] → fails unless the page answers 200, signed in, with TEXT when given
    local body
    body=$(curl -fs -b "$1" "$2") || { echo "$3 cannot open $2" >&2; exit 1; }
    if grep -q 'name="username"' <<<"$body"; then echo "$3 is not signed in for $2" >&2; exit 1; fi
    if [ -n "${4:-}" ] && ! grep -q "$4" <<<"$body"; then echo "$2 does not show $4 to $3" >&2; exit 1; fi
}
count_lines() { # ROUNDS timings (s) of count(*) over the purchase lines, measured by the server, one session
    { echo '\timing on'; for _ in $(seq 1 "$ROUNDS"); do echo 'select count(*) from purchase_line;'; done; } \
        | psql_app "$DB_PORT" -At | grep -o 'Time: [0-9.]*' | awk '{print $2/1000}'
}
p95() { sort -g | awk '{a[NR]=$1} END {i = int(NR * 0.95 + 0.999); if (i < 1) i = 1; if (i > NR) i = NR; print a[i]}'; }

if [ "$PROOF_PATH" = /experience/proof ]; then # the figures, not an empty page
    shows "$OWNER" "$BASE$PROOF_PATH" "the owner" 'id="counted"'
    shows "$STORE_MANAGER" "$BASE$RANKINGS_PATH" "the manager of Store 011" 'Associate [0-9]'
else
    shows "$OWNER" "$BASE$PROOF_PATH" "the owner"
    shows "$STORE_MANAGER" "$BASE$RANKINGS_PATH" "the manager of Store 011"
fi
echo "answers: $(psql_app "$DB_PORT" -At -c 'select count(*) from survey_answer'), clients: $(psql_app "$DB_PORT" -At -c 'select count(*) from customer'), purchase lines: $(psql_app "$DB_PORT" -At -c 'select count(*) from purchase_line')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm-up: JIT, connection pool, PostgreSQL's buffers.
for _ in 1 2 3; do page "$OWNER" "$BASE$PROOF_PATH" >/dev/null; page "$STORE_MANAGER" "$BASE$RANKINGS_PATH" >/dev/null; done
count_lines >/dev/null

plain=$(count_lines | p95)
proof=$(for _ in $(seq 1 "$ROUNDS"); do page "$OWNER" "$BASE$PROOF_PATH"; done | p95)
rankings=$(for _ in $(seq 1 "$ROUNDS"); do page "$STORE_MANAGER" "$BASE$RANKINGS_PATH"; done | p95)
printf 'select count(*) from purchase_line:   p95 %.3f s (%d rounds)\n' "$plain" "$ROUNDS"
printf 'owner, %s (chain-wide):   p95 %.3f s over HTTP\n' "$PROOF_PATH" "$proof"
printf 'manager, %s (Store 011): p95 %.3f s over HTTP\n' "$RANKINGS_PATH" "$rankings"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v a="$rankings" -v b="$plain" 'BEGIN { printf "rankings/scan ratio: %.2f\n", a / b }'
awk -v a="$proof" -v b="$plain" 'BEGIN { printf "proof/scan ratio: %.2f\n", a / b }'
