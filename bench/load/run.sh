#!/usr/bin/env bash
# The full load run (results and method: BENCHMARKS.md, "Load with nothing lost"): the local stack as one process,
# the load client as another, both on loopback. Every organisation answers at once and follows its plan to the end
# (submits, stops half way or declines), with pauses, going back, a second tab and retries; afterwards every
# stored response is compared with what its client last had confirmed. Exits non-zero on a 5xx or a difference.
# Environment: MAX_PAUSE_MS (default 200), MAX_PAGES (0: no limit), SEED (1).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/jdk.sh
barometer_use_jdk

MAX_PAUSE_MS=${MAX_PAUSE_MS:-200}
MAX_PAGES=${MAX_PAGES:-0}
SEED=${SEED:-1}
OUT="$PWD/bench/load/target"
JAR=local/target/barometer-local.jar
mkdir -p "$OUT"
rm -f "$OUT/links.json"

mvn -q -B -ntp -DskipTests -pl local -am package >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }

java -jar "$JAR" --port 0 --links-file "$OUT/links.json" >"$OUT/stack.out" 2>"$OUT/stack.log" &
STACK_PID=$!
trap 'kill "$STACK_PID" 2>/dev/null || true' EXIT
for attempt in $(seq 600); do
  [ -f "$OUT/links.json" ] && break
  kill -0 "$STACK_PID" 2>/dev/null || { echo "The local stack stopped: $OUT/stack.log" >&2; exit 1; }
  [ "$attempt" -lt 600 ] || { echo "The local stack did not start: $OUT/stack.log" >&2; exit 1; }
  sleep 0.1
done

echo "Load: $(grep -c '"number"' "$OUT/links.json") organisations at once, pauses up to ${MAX_PAUSE_MS} ms," \
  "pages per respondent: ${MAX_PAGES/#0/no limit}, seed $SEED ($(java -version 2>&1 | head -1), $(nproc) cores)"
java -cp "$JAR" no.ks.barometer.local.Load "$OUT/links.json" "$MAX_PAUSE_MS" "$MAX_PAGES" "$SEED"
