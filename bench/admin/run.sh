#!/usr/bin/env bash
# Admin API cold start against DynamoDB Local (results and method: BENCHMARKS.md): a fresh JVM's time to its
# first answer of GET /v1/admin/surveys/{surveyId} through the Jersey container, against a minimal handler doing
# one GetItem with the same client, on the same jar and JVM flags.
# Needs the admin function jar: mvn -q -B -pl functions/admin-api -am package -DskipTests
# Environment: COLD_RUNS (default 15).
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=../../scripts/lib/jdk.sh
source scripts/lib/jdk.sh
barometer_use_jdk
JDK=$JAVA_HOME
JAVA="$JDK/bin/java"
COLD_RUNS=${COLD_RUNS:-15}
# shellcheck source=../lib/lambda-flags.sh
source bench/lib/lambda-flags.sh
LAMBDA_FLAGS=$(bench_lambda_flags)
OUT="$PWD/bench/admin/target"
JAR=functions/admin-api/target/function.jar

[ -f "$JAR" ] || { echo "No $JAR: mvn -q -B -pl functions/admin-api -am package -DskipTests" >&2; exit 1; }
mkdir -p "$OUT/classes"

# The floor and the seed are the respondent benchmark's, compiled against this jar.
"$JDK/bin/javac" --release 21 -nowarn -d "$OUT/classes" -cp "$JAR" \
  bench/respondent/src/no/ks/barometer/bench/respondent/RawGetItemHandler.java \
  bench/respondent/src/no/ks/barometer/bench/respondent/Seed.java \
  $(find bench/admin/src -name '*.java')

# shellcheck source=../lib/dynamodb-local.sh
source bench/lib/dynamodb-local.sh
bench_start_dynamodb_local "$OUT"

export TABLE_NAME=bench AWS_REGION=eu-north-1
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
# The link key the handler derives links from; in AWS a KMS key (LINK_KEY_ID), which no route here uses.
export LINK_KEY_FILE="$OUT/link-key"
CP="$JAR:$OUT/classes"
"$JAVA" -cp "$CP" no.ks.barometer.bench.respondent.Seed 1 >"$OUT/invitations.txt"
read -r ORG _ <"$OUT/invitations.txt"

# "<built ms> <answered ms>", both from just before the JVM starts.
cold() {
  local start stamps
  start=$(date +%s%N)
  stamps=$("$JAVA" $LAMBDA_FLAGS -cp "$CP" no.ks.barometer.bench.admin.AdminColdStart "$@" 2>&1 >/dev/null \
    | awk '/^(built|answered) / { printf "%s ", $2 }')
  read -r built answered <<<"$stamps"
  echo "$(((built - start) / 1000000)) $(((answered - start) / 1000000))"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

cold raw-get bench "$ORG" >/dev/null
cold admin bench >/dev/null
RAW=() ADMIN=() RAW_BUILT=() ADMIN_BUILT=()
for _ in $(seq 1 "$COLD_RUNS"); do
  read -r b a <<<"$(cold raw-get bench "$ORG")"; RAW+=("$a"); RAW_BUILT+=("$b")
  read -r b a <<<"$(cold admin bench)"; ADMIN+=("$a"); ADMIN_BUILT+=("$b")
done
RAW_MEDIAN=$(printf '%s\n' "${RAW[@]}" | median)
ADMIN_MEDIAN=$(printf '%s\n' "${ADMIN[@]}" | median)
echo "Cold, JVM start to first answer, median of $COLD_RUNS ($("$JAVA" -version 2>&1 | head -1)):"
echo "  raw GetItem handler  ${RAW_MEDIAN} ms   (handler built at $(printf '%s\n' "${RAW_BUILT[@]}" | median) ms; runs: ${RAW[*]})"
echo "  admin API handler    ${ADMIN_MEDIAN} ms   (handler built at $(printf '%s\n' "${ADMIN_BUILT[@]}" | median) ms; runs: ${ADMIN[*]})"
awk -v s="$ADMIN_MEDIAN" -v r="$RAW_MEDIAN" 'BEGIN { printf "  ratio                %.2f (target <= 1.8)\n", s / r }'
echo "Classes loaded by the first answer:"
echo "  raw GetItem handler  $("$JAVA" $LAMBDA_FLAGS -Xlog:class+load=info -cp "$CP" no.ks.barometer.bench.admin.AdminColdStart raw-get bench "$ORG" 2>/dev/null | grep -c 'class,load')"
echo "  admin API handler    $("$JAVA" $LAMBDA_FLAGS -Xlog:class+load=info -cp "$CP" no.ks.barometer.bench.admin.AdminColdStart admin bench 2>/dev/null | grep -c 'class,load')"
