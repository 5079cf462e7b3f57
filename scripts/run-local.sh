#!/usr/bin/env bash
# Builds what the local stack needs and starts it: DynamoDB Local, the API from template.yaml, the web app.
# Options are passed on (see docs/local-stack.md), e.g. scripts/run-local.sh --port 0 --data local-data
# Only what a person needs reaches the terminal: the address, the admin token, the links. Maven's output and the
# stack's own log (DynamoDB Local, SQLite, the functions' logging) go to local/target/local-stack.log, whose last
# lines are printed when the build or the stack fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/jdk.sh
source "$root/scripts/lib/jdk.sh"
barometer_use_jdk

cd "$root"
log="$root/local/target/local-stack.log"
mkdir -p "$(dirname "$log")"
: >"$log"

show_log_tail() {
  echo "Siste linjer i loggen ($log):" >&2
  tail -n 30 "$log" >&2
}

echo "Bygger og starter Barometer med $(basename "$JAVA_HOME") (logg: local/target/local-stack.log) …"
if ! mvn -q -B -DskipTests -pl local -am package >>"$log" 2>&1; then
  echo "Byggingen feilet." >&2
  show_log_tail
  exit 1
fi

# Not exec'd: the script stays to show the log when the stack fails. Ctrl-C or a kill of the script stops the
# stack the way a kill of the stack itself would, and it prints its own "stopped" lines.
java -jar local/target/barometer-local.jar "$@" 2>>"$log" &
pid=$!
stopped=false
stop() {
  stopped=true
  kill -TERM "$pid" 2>/dev/null || true
}
trap stop INT TERM HUP

status=0
wait "$pid" || status=$?
while kill -0 "$pid" 2>/dev/null; do
  status=0
  wait "$pid" || status=$?
done

if [[ "$stopped" == true ]]; then
  exit 0
fi
if ((status == 2)); then
  # A command line the stack did not understand: it has said what was wrong, the log has nothing to add.
  exit 2
fi
if ((status != 0)); then
  echo "Barometer stoppet med feil (kode $status)." >&2
  show_log_tail
  exit "$status"
fi
