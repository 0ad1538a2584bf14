#!/usr/bin/env bash
# Imports the whole Online Retail file and COPYs it into a staging table on the same fresh embedded PostgreSQL, RUNS
# times (each run a new JVM on a new database, so each does the same work); prints each run's ratio and, last, the
# median: "import/copy ratio: X.XX". Run from anywhere; see README.md.
#   bench/import/run.sh [RUNS] [CSV]     RUNS defaults to 1; a first argument that is not a number is the CSV file
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=1
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
    RUNS=$1
    shift
fi
FILE="${1:-../shared/data/online_retail/online_retail.csv}"
[ "$RUNS" -ge 1 ] || { echo "RUNS must be at least 1" >&2; exit 2; }

JAVA=$(bin/find-java)

if [ ! -f target/classes/org/ruleone/RuleOneApplication.class ] || [ ! -f target/classpath.txt ] \
        || [ -n "$(find src/main pom.xml -newer target/classpath.txt -print -quit)" ]; then
    ./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
        -Dmdep.includeScope=runtime >&2
fi

ratios=()
for run in $(seq 1 "$RUNS"); do
    echo "== run $run of $RUNS, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    out=$("$JAVA" -cp "target/classes:$(cat target/classpath.txt)" bench/import/ImportBenchmark.java "$FILE")
    echo "$out" | grep -v '^import/copy ratio' || true
    ratio=$(echo "$out" | sed -n 's/^import\/copy ratio: //p')
    [ -n "$ratio" ] || { echo "run $run printed no ratio" >&2; exit 1; }
    echo "run $run ratio: $ratio"
    ratios+=("$ratio")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END {
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "ratios: ${ratios[*]}"
echo "import/copy ratio: $median"
