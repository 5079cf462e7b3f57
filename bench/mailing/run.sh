#!/usr/bin/env bash
# A mailing of all 371 organisations of the 2024 register to the local outbox (results and method: BENCHMARKS.md):
# the mailer function's handler on its own jar, against DynamoDB Local, writing .eml files; timed from the first
# claim to the last file. Every mail is a conditional PutItem (the claim), the link made again from the key file,
# the rendering, the MIME bytes, the file, and a transaction marking it sent.
# Needs the mailer jar: mvn -q -B -pl functions/mailer -am package -DskipTests
# Environment: RUNS (default 3, each a new mailing of everyone), MAILS_PER_SECOND (default 1000: the outbox folder
# has no quota; the template's default, 10, is SES's pace and makes the mailing take 371 / 10 = 37 s at least).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/jdk.sh
barometer_use_jdk

RUNS=${RUNS:-3}
RATE=${MAILS_PER_SECOND:-1000}
OUT="$PWD/bench/mailing/target"
JAR=functions/mailer/target/function.jar

[ -f "$JAR" ] || { echo "No $JAR: mvn -q -B -pl functions/mailer -am package -DskipTests" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT/classes" "$OUT/outbox"

# shellcheck source=../lib/dynamodb-local.sh
source bench/lib/dynamodb-local.sh
bench_start_dynamodb_local "$OUT"
javac --release 21 -nowarn -d "$OUT/classes" -cp "$JAR" $(find bench/mailing/src -name '*.java')

export TABLE_NAME=bench AWS_REGION=eu-north-1
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
echo "Load before: $(uptime | sed 's/.*load average: //')"
for run in $(seq 1 "$RUNS"); do
  read -r sent millis files <<<"$(java -cp "$JAR:$OUT/classes" no.ks.barometer.bench.mailing.MailingRun \
    "$OUT/outbox" "$OUT/link-key" "run-$run" "$RATE" 2>"$OUT/run-$run.log")"
  [ "$sent" = 371 ] && [ "$files" = 371 ] || { echo "run $run sent $sent, wrote $files (want 371): $OUT/run-$run.log" >&2; exit 1; }
  awk -v ms="$millis" -v run="$run" 'BEGIN { printf "run %d: 371 mails in %.1f s (%.1f mails/s)\n", run, ms / 1000, 371000 / ms }'
done
echo "Load after: $(uptime | sed 's/.*load average: //')"
