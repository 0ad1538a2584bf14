#!/usr/bin/env bash
# Where a POST /api/cases request's time goes: runs the API half of bench/cases/run.sh with Java Flight Recorder on
# and pg_stat_statements loaded in the embedded server, then prints per opened case the statements (by text), the
# transactions committed and the statements per transaction, and leaves the recording in bench/work/cases-profile/
# (read it with `jfr print --events jdk.ExecutionSample` or `jfr view hot-methods`; bench/cases/layers.sh sums the
# samples by layer). Usage: bench/cases/profile.sh [SECONDS]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

SECONDS_MEASURED=${1:-20}
WARMUP=${BENCH_WARMUP:-15}
CONCURRENCY=${BENCH_CONCURRENCY:-16}
CLIENTS=${BENCH_CLIENTS:-500}
WORK="$ROOT/bench/work/cases-profile"
HTTP_PORT=${BENCH_HTTP_PORT:-18492}
DB_PORT=${BENCH_DB_PORT:-15492}
BASE="http://localhost:$HTTP_PORT"

rm -rf "$WORK"; mkdir -p "$WORK"
build_jar
trap stop_app EXIT
start_app "$WORK/data" "$HTTP_PORT" "$DB_PORT" "$WORK/app-setup.log"
first_run "$BASE" "$WORK/cookies" owner@bench.example "$(new_password "$WORK/owner-password")" "Bench Store" Europe/Paris
STORE=$(psql_app "$DB_PORT" -At -c "select id from store order by id limit 1")
TOKEN=$(api_token "$DB_PORT" "$STORE" bench)
# pg_stat_statements must be preloaded: written into postgresql.auto.conf, it is read at the next start.
PGPASSFILE="$WORK/data/pgpass" PGCONNECT_TIMEOUT=10 psql -X -q -h localhost -p "$DB_PORT" -U postgres -d postgres \
    -c "alter system set shared_preload_libraries = 'pg_stat_statements'" -c "alter system set pg_stat_statements.track = 'all'"
stop_app
# Only the measured phase is recorded (the recording starts after the start-up and the warm-up are over).
APP_JAVA_OPTS="${APP_JAVA_OPTS:-} -XX:FlightRecorderOptions:stackdepth=256" start_app "$WORK/data" "$HTTP_PORT" "$DB_PORT" "$WORK/app.log"
superuser() { PGPASSFILE="$WORK/data/pgpass" PGCONNECT_TIMEOUT=10 psql -X -q -h localhost -p "$DB_PORT" -U postgres -d postgres "$@"; }
superuser -c "create extension if not exists pg_stat_statements" >/dev/null

# CPU ticks (user + system) of the processes given, and of all their children
ticks() { local sum=0 p; for p in "$@" $(for q in "$@"; do pgrep -P "$q"; done); do
    [ -r "/proc/$p/stat" ] && sum=$(( sum + $(awk '{print $14 + $15}' "/proc/$p/stat") )); done; echo "$sum"; }
POSTMASTER=$(head -1 "$WORK/data/postmaster.pid")
(
    # The clients are added (their ids written) and the warm-up runs first; then the recording and the statistics
    # start from zero, 2 s into the measured phase, and stop 2 s before its end.
    while [ ! -s "$WORK/client-ids" ]; do sleep 0.2; done
    sleep $(( WARMUP + 2 ))
    superuser -c "select pg_stat_statements_reset()" -c "select pg_stat_reset()" >/dev/null
    "$(dirname "$(find_java)")/jcmd" "$APP_PID" JFR.start name=cases settings=profile \
        filename="$WORK/cases.jfr" duration="$(( SECONDS_MEASURED - 4 ))s" >/dev/null
    CLIENT=$(cat "$WORK/client.pid")
    read -r A0 P0 C0 T0 < <(echo "$(ticks "$APP_PID") $(ticks "$POSTMASTER") $(ticks "$CLIENT") $(awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat)")
    sleep $(( SECONDS_MEASURED - 4 ))
    read -r A1 P1 C1 T1 < <(echo "$(ticks "$APP_PID") $(ticks "$POSTMASTER") $(ticks "$CLIENT") $(awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat)")
    awk -v w=$(( SECONDS_MEASURED - 4 )) -v a=$(( A1 - A0 )) -v p=$(( P1 - P0 )) -v c=$(( C1 - C0 )) -v t=$(( T1 - T0 )) \
        'BEGIN { printf "CPU seconds in the %d s window (busy CPU of the whole machine: %.1f): application %.1f, PostgreSQL %.1f\n", w, t / 100, a / 100, p / 100 }' \
        > "$WORK/cpu.txt"
    superuser -c "create table if not exists profile_counts as select * from pg_stat_statements" \
        -c "create table if not exists profile_xacts as select * from pg_stat_database where datname = 'postgres'" >/dev/null
) &
COUNTER=$!
echo "API with JFR: $CLIENTS clients, ${WARMUP} s warm-up, ${SECONDS_MEASURED} s measured, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$(find_java)" "$ROOT/bench/cases/CasesBench.java" "$BASE" "$TOKEN" "$CLIENTS" "$CONCURRENCY" "$WARMUP" \
    "$SECONDS_MEASURED" "$WORK/client-ids" > "$WORK/api.txt" &
echo $! > "$WORK/client.pid"
wait $!
cat "$WORK/api.txt"
wait "$COUNTER"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$WORK/cpu.txt"
# The cases opened while the statistics counted: the recording window (the bench's measured phase).
CASES=$(superuser -At -c "select calls from profile_counts where query like 'insert into service_case%' order by calls desc limit 1")
echo "cases opened while counted: $CASES"
superuser -At -F ' | ' -c "
    select round(calls::numeric / $CASES, 2), round(total_exec_time::numeric / $CASES, 3) as ms,
           regexp_replace(left(query, 110), '\s+', ' ', 'g')
      from profile_counts where calls >= $CASES / 10 order by calls desc" | tee "$WORK/statements.txt"
superuser -At -F ' ' -c "select 'transactions per case (committed, rolled back):',
        round(xact_commit::numeric / $CASES, 2), round(xact_rollback::numeric / $CASES, 2)
      from profile_xacts" | tee -a "$WORK/statements.txt"
