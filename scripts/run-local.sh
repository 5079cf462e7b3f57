#!/usr/bin/env bash
# Builds what the local stack needs and starts it: DynamoDB Local, the API from template.yaml, the web app.
# Options are passed on (see docs/local-stack.md), e.g. scripts/run-local.sh --port 0 --data local-data
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/jdk.sh
source "$root/scripts/lib/jdk.sh"
barometer_use_jdk

cd "$root"
echo "Bygger Barometer med $(basename "$JAVA_HOME") …" >&2
mvn -q -B -DskipTests -pl local -am package
exec java -jar local/target/barometer-local.jar "$@"
