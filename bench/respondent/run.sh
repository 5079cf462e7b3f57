#!/usr/bin/env bash
# Respondent API cold and warm measurements against DynamoDB Local (results and method: BENCHMARKS.md).
#   (a) cold: a fresh JVM's time to its first page-save answer, against a minimal handler doing one GetItem;
#   (b) warm: a page save through the handler, against a raw PutItem of the same item.
# Needs the save-page function jar: mvn -q -B -pl functions/save-page -am package -DskipTests
# Environment: COLD_RUNS (default 15), WARM_ROUNDS (10), WARM_PER_ROUND (500), WARM_UP (3000).
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=../../scripts/lib/jdk.sh
source scripts/lib/jdk.sh
barometer_use_jdk
JDK=$JAVA_HOME
JAVA="$JDK/bin/java"
COLD_RUNS=${COLD_RUNS:-15}
WARM_ROUNDS=${WARM_ROUNDS:-10}
WARM_PER_ROUND=${WARM_PER_ROUND:-500}
WARM_UP=${WARM_UP:-3000}
# shellcheck source=../lib/lambda-flags.sh
source bench/lib/lambda-flags.sh
LAMBDA_FLAGS=$(bench_lambda_flags)
OUT="$PWD/bench/respondent/target"
JAR=functions/save-page/target/function.jar

[ -f "$JAR" ] || { echo "No $JAR: mvn -q -B -pl functions/save-page -am package -DskipTests" >&2; exit 1; }
mkdir -p "$OUT/classes"

"$JDK/bin/javac" --release 21 -nowarn -d "$OUT/classes" -cp "$JAR" $(find bench/respondent/src -name '*.java')

# shellcheck source=../lib/dynamodb-local.sh
source bench/lib/dynamodb-local.sh
bench_start_dynamodb_local "$OUT"

export TABLE_NAME=bench AWS_REGION=eu-north-1
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
CP="$JAR:$OUT/classes"
"$JAVA" -cp "$CP" no.ks.barometer.bench.respondent.Seed $((COLD_RUNS + 2)) >"$OUT/invitations.txt"
mapfile -t INVITATIONS <"$OUT/invitations.txt"

# Milliseconds from just before the JVM starts to the handler's first answer.
cold() {
  local start answered
  start=$(date +%s%N)
  answered=$("$JAVA" $LAMBDA_FLAGS -cp "$CP" no.ks.barometer.bench.respondent.ColdStart "$@" 2>&1 >/dev/null \
    | sed -n 's/^answered //p')
  echo $(((answered - start) / 1000000))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

read -r ORG TOKEN <<<"${INVITATIONS[0]}"
cold raw-get bench "$ORG" >/dev/null
cold save-page "$TOKEN" >/dev/null
RAW=() SAVE=()
for i in $(seq 1 "$COLD_RUNS"); do
  read -r ORG TOKEN <<<"${INVITATIONS[$i]}"
  RAW+=("$(cold raw-get bench "$ORG")")
  SAVE+=("$(cold save-page "$TOKEN")")
done
RAW_MEDIAN=$(printf '%s\n' "${RAW[@]}" | median)
SAVE_MEDIAN=$(printf '%s\n' "${SAVE[@]}" | median)
echo "Cold, JVM start to first answer, median of $COLD_RUNS ($("$JAVA" -version 2>&1 | head -1)):"
echo "  raw GetItem handler  ${RAW_MEDIAN} ms   (runs: ${RAW[*]})"
echo "  save-page handler    ${SAVE_MEDIAN} ms   (runs: ${SAVE[*]})"
awk -v s="$SAVE_MEDIAN" -v r="$RAW_MEDIAN" 'BEGIN { printf "  ratio                %.2f (target <= 1.5)\n", s / r }'

read -r ORG TOKEN <<<"${INVITATIONS[$((COLD_RUNS + 1))]}"
echo "Warm, per request after $WARM_UP warm-up pairs, $WARM_ROUNDS interleaved rounds of $WARM_PER_ROUND:"
"$JAVA" $LAMBDA_FLAGS -cp "$CP" no.ks.barometer.bench.respondent.WarmSave "$ORG" "$TOKEN" \
  "$WARM_UP" "$WARM_ROUNDS" "$WARM_PER_ROUND" 2>&1 >/dev/null | sed 's/^/  /'
echo "  (target: ratio <= 1.3)"
