#!/usr/bin/env bash
# Opens cases through the API with Idempotency-Keys under load (and has an associate reply to half of them, for
# clients with an e-mail address), kills the application with kill -9 several times, restarts it, retries every
# request that got no answer with the same key, then checks that every acknowledged case exists exactly once, every
# acknowledged reply is stored exactly once, and every reply was mailed exactly once to a GreenMail server running
# as a separate process (the application's spring.mail.* point at it). Last line: "lost: N, duplicated: M".
# Usage: bench/crash/run.sh [KILLS] [SECONDS_BETWEEN_KILLS]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

KILLS=${1:-3}
BETWEEN=${2:-20}
THREADS=${BENCH_THREADS:-8}
WORK="$ROOT/bench/work/crash"
HTTP_PORT=${BENCH_HTTP_PORT:-18493}
DB_PORT=${BENCH_DB_PORT:-15493}
SMTP_PORT=${BENCH_SMTP_PORT:-13525}
IMAP_PORT=${BENCH_IMAP_PORT:-13643}
GREENMAIL_VERSION=2.1.5
BASE="http://localhost:$HTTP_PORT"
JAVA=$(find_java)

rm -rf "$WORK/data" "$WORK"/*.txt "$WORK"/*.tsv "$WORK"/*.log "$WORK/journal" "$WORK/journal.stop" "$WORK/owner-password"; mkdir -p "$WORK"
build_jar
if [ ! -f "$ROOT/target/classpath.txt" ] || [ "$ROOT/pom.xml" -nt "$ROOT/target/classpath.txt" ]; then
    (cd "$ROOT" && ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2)
fi
GREENMAIL_JAR="$ROOT/bench/work/greenmail/greenmail-standalone-$GREENMAIL_VERSION.jar"
if [ ! -f "$GREENMAIL_JAR" ]; then
    (cd "$ROOT" && ./mvnw -q dependency:copy -Dartifact=com.icegreen:greenmail-standalone:$GREENMAIL_VERSION \
        -DoutputDirectory=bench/work/greenmail >&2)
fi

GREENMAIL_PID=""
LOAD_PID=""
cleanup() {
    stop_app
    [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
    [ -n "$GREENMAIL_PID" ] && kill "$GREENMAIL_PID" 2>/dev/null || true
    # A killed application leaves its embedded PostgreSQL behind; stop it by its data directory.
    if [ -f "$WORK/data/postmaster.pid" ]; then kill "$(head -1 "$WORK/data/postmaster.pid")" 2>/dev/null || true; fi
}
trap cleanup EXIT

"$JAVA" -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.smtp.hostname=127.0.0.1 \
    -Dgreenmail.imap.port="$IMAP_PORT" -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -jar "$GREENMAIL_JAR" >"$WORK/greenmail.log" 2>&1 &
GREENMAIL_PID=$!

export SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT"
start_app "$WORK/data" "$HTTP_PORT" "$DB_PORT" "$WORK/app-0.log"

first_run "$BASE" "$WORK/cookies" owner@crash.example "$(new_password "$WORK/owner-password")" "Crash Store" \
    Europe/Paris "Crash Owner"
STORE=$(psql_app "$DB_PORT" -At -c "select id from store order by id limit 1")
OWNER=$(psql_app "$DB_PORT" -At -c "select id from associate where role = 'OWNER' limit 1")
TOKEN=$(api_token "$DB_PORT" "$STORE" crash)
# The store's own address (what the owner sets on /mailroom): replies to clients are mailed from it.
psql_app "$DB_PORT" -c "insert into mailroom_mailbox (store_id, address, display_name, updated_at)
    values ($STORE, 'store@crash.example', 'Crash Store', now())"

LOAD_SECONDS=3600 # stopped by the stop file once the last restart has run for $BETWEEN seconds
echo "Load: $THREADS clients opening cases (and replying to half); $KILLS kill -9, $BETWEEN s apart after each restart"
"$JAVA" "$ROOT/bench/crash/CrashBench.java" load "$BASE" "$TOKEN" "$OWNER" "$LOAD_SECONDS" "$THREADS" \
    "$WORK/journal" &
LOAD_PID=$!
for k in $(seq 1 "$KILLS"); do
    sleep "$BETWEEN"
    echo "kill -9 number $k (after $(grep -c '^ACK' "$WORK/journal" || true) answers)"
    kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    sleep 1
    start_app "$WORK/data" "$HTTP_PORT" "$DB_PORT" "$WORK/app-$k.log"
done
sleep "$BETWEEN"
touch "$WORK/journal.stop"; wait "$LOAD_PID" 2>/dev/null || true; LOAD_PID=""

"$JAVA" "$ROOT/bench/crash/CrashBench.java" retry "$BASE" "$TOKEN" "$WORK/journal"

# Let the outbox deliver: wait until GreenMail's count of reply mails stops growing (at most two minutes).
MAILBOXES=$(for i in $(seq 0 19); do printf 'crash-%d@bench.example ' "$i"; done)
previous=-1
for _ in $(seq 1 24); do
    "$JAVA" -cp "$(cat "$ROOT/target/classpath.txt")" "$ROOT/bench/crash/MailDump.java" "$IMAP_PORT" $MAILBOXES \
        > "$WORK/mail.txt"
    now=$({ grep -o 'reply [0-9a-f-]\{36\}' "$WORK/mail.txt" || true; } | wc -l)
    if [ "$now" -eq "$previous" ]; then break; fi
    previous=$now
    sleep 5
done

psql_app "$DB_PORT" -At -F $'\t' -c "select subject, id from service_case where subject like 'crash %'" > "$WORK/cases.tsv"
psql_app "$DB_PORT" -At -c "select body from case_message where body like 'reply %'" > "$WORK/messages.txt"
echo "cases in the database: $(wc -l < "$WORK/cases.tsv"), replies: $(wc -l < "$WORK/messages.txt")"
# A case's due times and review row are written in its opening's transaction (ADR 0126): none may be missing.
MISSING=$(psql_app "$DB_PORT" -At -c "select count(*) from service_case c where c.subject like 'crash %'
    and (not exists (select 1 from case_clock k where k.case_id = c.id)
         or not exists (select 1 from review_case r where r.case_id = c.id))")
echo "cases without their due times or review row: $MISSING"
"$JAVA" "$ROOT/bench/crash/CrashBench.java" check "$WORK/journal" "$WORK/cases.tsv" "$WORK/messages.txt" \
    "$WORK/mail.txt"
[ "$MISSING" -eq 0 ]
