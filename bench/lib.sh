#!/usr/bin/env bash
# Shared helpers for the benchmarks: find a JDK 21+, build the jar, start and stop the application.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/rule-one-0.1.0-SNAPSHOT.jar"

find_java() {
    "$ROOT/bin/find-java"
}

build_jar() {
    if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src/main" -newer "$JAR" -print -quit)" ]; then
        (cd "$ROOT" && ./mvnw -q -DskipTests package)
    fi
}

# start_app DATA_DIR HTTP_PORT DB_PORT LOG_FILE — starts the application in the background, waits until healthy.
start_app() {
    local data=$1 port=$2 dbport=$3 log=$4 java
    java=$(find_java)
    export PGPASSFILE="$data/pgpass" # the embedded database's passwords, for psql_app
    RULEONE_DATA_DIR="$data" PORT="$port" RULEONE_DB_PORT="$dbport" \
        "$java" ${APP_JAVA_OPTS:-} -jar "$JAR" >"$log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 180); do
        if curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; then return 0; fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then echo "application died, see $log" >&2; return 1; fi
        sleep 1
    done
    echo "application did not become healthy, see $log" >&2
    return 1
}

stop_app() {
    if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    fi
}

psql_app() {
    local dbport=$1; shift
    PGCONNECT_TIMEOUT=10 psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$dbport" -U ruleone -d postgres "$@"
}
