#!/usr/bin/env bash
# Queues 10,000 survey invitations: one till purchase per client through POST /api/purchases schedules one invitation
# each (PurchasesRecorded, in the background), then they all fall due at once and the sender (every second here)
# mails them through the outbox, each with its own token and opt-out link. Prints the purchases per second, the time
# until every invitation was scheduled, and as its last line the invitations sent (queued in the outbox) per second.
# Usage: bench/experience/invitations.sh [INVITATIONS] [CONCURRENCY]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

N=${1:-10000}
CONCURRENCY=${2:-8}
WORK="$ROOT/bench/work/experience-invitations"
DATA="$WORK/data"
HTTP_PORT=${BENCH_HTTP_PORT:-18094}
DB_PORT=${BENCH_DB_PORT:-15446}
BASE="http://localhost:$HTTP_PORT"
rm -rf "$WORK"
mkdir -p "$WORK"

build_jar
JAVA=$(find_java)
RULEONE_SURVEY_SEND_CRON="* * * * * *" RULEONE_PUBLIC_URL=https://shop.example \
    start_app "$DATA" "$HTTP_PORT" "$DB_PORT" "$WORK/app.log"
trap stop_app EXIT

first_run "$BASE" "$WORK/cookies" owner@survey.example "$(new_password "$WORK/owner-password")" "Bench Store" \
    Europe/Warsaw
STORE=$(psql_app "$DB_PORT" -At -c "select id from store order by id limit 1")
echo "Seeding 20 associates and $N clients with an e-mail address…"
psql_app "$DB_PORT" --single-transaction -v store="$STORE" -v n="$N" <<'SQL'
insert into associate (store_id, name, email, password_hash, role, language)
select :store, 'Associate ' || a, 'associate' || a || '@survey.example', '{noop}not-a-login', 'ASSOCIATE',
       (array['en','fr','pl'])[1 + a % 3]
  from generate_series(1, 20) a;
insert into customer (store_id, external_id, first_name, last_name, email, language, associate_id)
select :store, 'B' || c, (array['Emma','Élise','Zofia'])[1 + c % 3], 'Client ' || c,
       'client' || c || '@bench.example', (array['en','fr','pl'])[1 + c % 3],
       (select id from associate where email = 'associate' || (1 + c % 20) || '@survey.example')
  from generate_series(1, :n) c;
-- Surveys 30 days after a purchase (so none falls due while they are scheduled), no quiet hours.
insert into survey_rules (store_id, after_purchase_delay_hours, quiet_from, quiet_until, updated_at)
values (:store, 720, '00:00', '00:00', now());
SQL
TOKEN=$(api_token "$DB_PORT" "$STORE" bench)

"$JAVA" "$ROOT/bench/experience/InvitationsBench.java" "$BASE" "$TOKEN" "$STORE" "$N" "$CONCURRENCY"
start=$(date +%s.%N)
deadline=$(( $(date +%s) + 600 ))
while [ "$(psql_app "$DB_PORT" -At -c "select count(*) from survey_invitation where status = 'SCHEDULED'")" -lt "$N" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "the invitations were not all scheduled" >&2; exit 1; }
    sleep 0.25
done
awk -v s="$start" -v d="$(date +%s.%N)" 'BEGIN { printf "all invitations scheduled %.2f s after the last purchase\n", d - s }'

start=$(date +%s.%N)
psql_app "$DB_PORT" -c "update survey_invitation set due_at = now() where status = 'SCHEDULED'" >/dev/null
deadline=$(( $(date +%s) + 900 ))
while [ "$(psql_app "$DB_PORT" -At -c "select count(*) from survey_invitation where status = 'SENT'")" -lt "$N" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "the invitations were not all sent" >&2; exit 1; }
    sleep 0.25
done
done_at=$(date +%s.%N)
queued=$(psql_app "$DB_PORT" -At -c "select count(*) from mail_outbox where dedupe_key like 'survey:%'")
tokens=$(psql_app "$DB_PORT" -At -c "select count(*) from survey_token")
echo "sent $N invitations: $queued survey mails in the outbox, $tokens tokens"
awk -v n="$N" -v s="$start" -v d="$done_at" 'BEGIN { printf "sent in %.2f s after they fell due (the sender runs every second)\n", d - s }'
awk -v n="$N" -v s="$start" -v d="$done_at" 'BEGIN { printf "survey invitations per second: %.1f\n", n / (d - s) }'
