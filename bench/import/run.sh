#!/usr/bin/env bash
# Imports the whole Online Retail file and COPYs it into a staging table on the same fresh embedded PostgreSQL;
# the last line printed is "import/copy ratio: X.XX". Run from anywhere; see README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
FILE="${1:-../shared/data/online_retail/online_retail.csv}"

JAVA=$(bin/find-java)

if [ ! -f target/classes/org/ruleone/RuleOneApplication.class ] || [ ! -f target/classpath.txt ] \
        || [ -n "$(find src/main pom.xml -newer target/classpath.txt -print -quit)" ]; then
    ./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
        -Dmdep.includeScope=runtime >&2
fi
exec "$JAVA" -cp "target/classes:$(cat target/classpath.txt)" bench/import/ImportBenchmark.java "$FILE"
