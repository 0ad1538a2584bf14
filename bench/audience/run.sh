#!/usr/bin/env bash
# Building a campaign audience over the chain-sized data set (1,000,000 clients), beside a plain count(*) over the
# clients table in the same run. The audience is what the campaign screen asks for: every client of every store
# (the owner's view) classified by the e-mail consent in force, e-mail address and bounced addresses, then counted
# by bucket; a second audience adds preference tags, a last-purchase window and a lifetime-spend floor.
# Usage: bench/audience/run.sh [ROUNDS]
# Reuses the chain data set: bench/work/chain (made by bench/search/run.sh), copied once to bench/work/chain-audience
# so this branch's migrations never touch it. Set CHAIN_DATA to copy from elsewhere.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

ROUNDS=${1:-5}
WORK="$ROOT/bench/work/chain-audience"
DATA="$WORK/data"
HTTP_PORT=${BENCH_HTTP_PORT:-18091}
DB_PORT=${BENCH_DB_PORT:-15443}
copy_chain_data "$WORK"

build_jar
trap stop_app EXIT
# The copy was made by an older build: migrations added since (lower numbers included) are applied on top, and
# on a million clients they take a while, so wait up to 30 minutes.
START_WAIT=${START_WAIT:-1800} SPRING_FLYWAY_OUT_OF_ORDER=true start_app "$DATA" "$HTTP_PORT" "$DB_PORT" "$WORK/app.log"

if [ ! -f "$WORK/consents-seeded" ]; then
    echo "Seeding consents and preferences (once): 60% granted, 10% granted then withdrawn, 5% declined, 20% like shoes…"
    psql_app "$DB_PORT" --single-transaction <<'SQL'
set synchronous_commit = off;
insert into consent (customer_id, channel, granted, recorded_at, method, wording)
select id, 'EMAIL', true, created_at, 'IMPORT', 'I agree to receive e-mails about events and sales.'
  from customer where id % 100 < 70;
insert into consent (customer_id, channel, granted, recorded_at, method, wording)
select id, 'EMAIL', false, created_at + interval '1 day', 'UNSUBSCRIBE', 'I no longer want e-mails.'
  from customer where id % 100 >= 60 and id % 100 < 70;
insert into consent (customer_id, channel, granted, recorded_at, method, wording)
select id, 'EMAIL', false, created_at, 'IN_STORE', 'Declined e-mails.'
  from customer where id % 100 >= 70 and id % 100 < 75;
insert into customer_tag (customer_id, tag) select id, 'shoes' from customer where id % 5 = 0
  on conflict do nothing;
insert into undeliverable_address (email, marked_at) select lower(email), now() from customer
 where id % 1000 = 1 on conflict do nothing;
analyze consent; analyze customer_tag; analyze undeliverable_address;
SQL
    touch "$WORK/consents-seeded"
fi

COOKIES="$WORK/cookies"
rm -f "$COOKIES"
sign_in "http://localhost:$HTTP_PORT" "$COOKIES" owner@chain.example "$(cat "$WORK/owner-password")"
token=$(curl -fs -b "$COOKIES" "http://localhost:$HTTP_PORT/campaigns/new" | grep -o 'name="csrf-token" content="[^"]*' | head -1 | sed 's/.*content="//')
[ -n "$token" ] || { echo "could not sign in as the owner" >&2; exit 1; }

audience() { # extra form fields…; prints seconds and the count of clients in
    local out
    out=$(curl -fs -b "$COOKIES" -H "X-CSRF-TOKEN: $token" -H "HX-Request: true" -w '\n%{time_total}' \
        --data-urlencode "storeId=" --data-urlencode "kind=EVENT" "$@" \
        "http://localhost:$HTTP_PORT/campaigns/audience")
    local secs in
    secs=$(tail -1 <<<"$out")
    in=$(grep -o '<strong>[0-9]*</strong>' <<<"$out" | head -1 | tr -dc 0-9)
    echo "$secs $in"
}
count_all() { # prints seconds of a plain count(*) over the clients table, measured by the server
    psql_app "$DB_PORT" -At -c '\timing on' -c 'select count(*) from customer' | grep -o 'Time: [0-9.]*' | awk '{print $2/1000}'
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "clients: $(psql_app "$DB_PORT" -At -c 'select count(*) from customer'), consents: $(psql_app "$DB_PORT" -At -c 'select count(*) from consent')"
# Warm-up: JIT, connection pool, PostgreSQL buffers.
audience >/dev/null; count_all >/dev/null

plain=(); everyone=(); narrow=(); in_all=0; in_narrow=0
for _ in $(seq 1 "$ROUNDS"); do
    plain+=("$(count_all)")
    read -r s n < <(audience); everyone+=("$s"); in_all=$n
    read -r s n < <(audience --data-urlencode "tags=shoes" --data-urlencode "lastFrom=2016-01-01" \
        --data-urlencode "lastTo=2026-12-31" --data-urlencode "spendMin=100"); narrow+=("$s"); in_narrow=$n
done
p=$(printf '%s\n' "${plain[@]}" | median)
e=$(printf '%s\n' "${everyone[@]}" | median)
n=$(printf '%s\n' "${narrow[@]}" | median)
printf 'select count(*) from customer:                         median %.3f s (%d rounds)\n' "$p" "$ROUNDS"
printf 'audience, every client of 300 stores (%s in):      median %.3f s over HTTP\n' "$in_all" "$e"
printf 'audience, shoes + last purchase + spend >= 100 (%s in): median %.3f s over HTTP\n' "$in_narrow" "$n"
awk -v a="$e" -v b="$p" 'BEGIN { printf "audience/scan ratio: %.2f\n", a / b }'
