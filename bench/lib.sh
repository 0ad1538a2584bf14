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

# start_app DATA_DIR HTTP_PORT DB_PORT LOG_FILE — starts the application in the background, waits until healthy
# (START_WAIT seconds, 180 unless set: migrations added since a big data set was made can take longer).
start_app() {
    local data=$1 port=$2 dbport=$3 log=$4 java
    java=$(find_java)
    export PGPASSFILE="$data/pgpass" # the embedded database's passwords, for psql_app
    RULEONE_DATA_DIR="$data" PORT="$port" RULEONE_DB_PORT="$dbport" \
        "$java" ${APP_JAVA_OPTS:-} -jar "$JAR" >"$log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 "${START_WAIT:-180}"); do
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

# csrf_of — reads a page on stdin, prints its form's CSRF token.
csrf_of() {
    grep -o 'name="_csrf" value="[^"]*' | head -1 | sed 's/.*value="//'
}

# first_run BASE COOKIES EMAIL PASSWORD STORE_NAME TIME_ZONE [OWNER_NAME] — the first-run setup: the owner and a store.
first_run() {
    local base=$1 cookies=$2 email=$3 password=$4 store=$5 zone=$6 owner=${7:-Bench Owner} token
    token=$(curl -fs -c "$cookies" -b "$cookies" "$base/setup" | csrf_of)
    curl -fs -c "$cookies" -b "$cookies" -o /dev/null \
        --data-urlencode "_csrf=$token" --data-urlencode "ownerName=$owner" \
        --data-urlencode "email=$email" --data-urlencode "password=$password" \
        --data-urlencode "passwordAgain=$password" --data-urlencode "storeName=$store" \
        --data-urlencode "timeZone=$zone" "$base/setup"
}

# sign_in BASE COOKIES EMAIL PASSWORD — a session in the cookie jar.
sign_in() {
    local base=$1 cookies=$2 email=$3 password=$4 token
    token=$(curl -fs -c "$cookies" -b "$cookies" "$base/login" | csrf_of)
    curl -fs -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode "_csrf=$token" \
        --data-urlencode "username=$email" --data-urlencode "password=$password" "$base/login"
}

# new_password FILE — a random password kept in FILE (made once per bench database).
new_password() {
    [ -f "$1" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$1"
    cat "$1"
}

# api_token DB_PORT STORE_ID NAME — an API token of the store made straight in the bench database; prints it.
api_token() {
    local dbport=$1 store=$2 name=$3 token
    token="r1_$name$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
    psql_app "$dbport" -c "insert into api_token (name, store_id, token_hash, token_prefix, created_at)
        values ('$name', $store, encode(sha256(convert_to('$token', 'UTF8')), 'hex'), left('$token', 8), now())" >/dev/null
    echo "$token"
}

# chain_data DB_PORT WORK — generates the chain-sized data set into the running bench database once.
chain_data() {
    local dbport=$1 work=$2 start
    if [ ! -f "$work/generated" ]; then
        echo "Generating the chain-sized data set (1,000,000 clients, 10,000,000 purchase lines)…"
        start=$(date +%s)
        psql_app "$dbport" --single-transaction -f "$ROOT/bench/chain/generate.sql"
        echo "generated in $(( $(date +%s) - start )) s"
        touch "$work/generated"
    fi
}

# copy_chain_data WORK — a copy of the chain data set (bench/work/chain, made by bench/search/run.sh; CHAIN_DATA names
# another) in WORK/data, made once, so a benchmark's migrations and extra rows never touch the original.
copy_chain_data() {
    local work=$1 source=${CHAIN_DATA:-$ROOT/bench/work/chain}
    [ -d "$source/data" ] || source=/work/main/bench/work/chain
    mkdir -p "$work"
    if [ ! -d "$work/data" ]; then
        if [ ! -f "$source/generated" ]; then
            echo "No chain data set in $source: run bench/search/run.sh first (it generates it)." >&2
            exit 1
        fi
        echo "Copying the chain data set from $source…"
        cp -a "$source/data" "$work/data"
        rm -f "$work/data/postmaster.pid"
        cp "$source/owner-password" "$work/owner-password"
    fi
}
