#!/usr/bin/env bash
# Imports the whole Online Retail file and COPYs it into a staging table on the same fresh embedded PostgreSQL;
# the last line printed is "import/copy ratio: X.XX". Run from anywhere; see README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
FILE="${1:-../shared/data/online_retail/online_retail.csv}"

JAVA="${JAVA_HOME:-}/bin/java"
if [ ! -x "$JAVA" ] || ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
        if "$j" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then echo "$j"; fi
    done | sort -V | tail -1)
fi
[ -x "$JAVA" ] || { echo "No JDK 21+ found (set JAVA_HOME)" >&2; exit 1; }

if [ ! -f target/classes/org/ruleone/RuleOneApplication.class ] || [ ! -f target/classpath.txt ] \
        || [ -n "$(find src/main pom.xml -newer target/classpath.txt -print -quit)" ]; then
    ./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
        -Dmdep.includeScope=runtime >&2
fi
exec "$JAVA" -cp "target/classes:$(cat target/classpath.txt)" bench/import/ImportBenchmark.java "$FILE"
