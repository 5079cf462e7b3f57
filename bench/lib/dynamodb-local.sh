# shellcheck shell=bash
# DynamoDB Local for the benchmarks: in memory, on a free loopback port, with its dependencies and SQLite native
# library as the tests use them. From the repository root, after barometer_use_jdk (scripts/lib/jdk.sh):
#   source bench/lib/dynamodb-local.sh
#   bench_start_dynamodb_local "$OUT"
# It waits until DynamoDB Local accepts connections, exports DYNAMODB_ENDPOINT, and stops it when the calling
# script exits. Its log is $OUT/dynamodb-local.log.

bench_start_dynamodb_local() {
  local out="$1" port attempt
  mkdir -p "$out"
  # test-compile lets the reactor hand over the core's test classes, which the store module's test classpath names;
  # the phase also copies the SQLite library into shared/dynamodb/target/native-libs.
  mvn -q -B -pl shared/dynamodb -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$out/ddb.classpath" >/dev/null
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  DDB_LOCAL_TELEMETRY=0 "$JAVA_HOME/bin/java" -Djava.library.path=shared/dynamodb/target/native-libs \
    -cp "$(cat "$out/ddb.classpath")" software.amazon.dynamodb.services.local.main.ServerRunner \
    -inMemory -port "$port" -disableTelemetry >"$out/dynamodb-local.log" 2>&1 &
  BENCH_DYNAMODB_PID=$!
  trap 'kill "$BENCH_DYNAMODB_PID" 2>/dev/null || true' EXIT
  # Up to a minute: on a loaded machine DynamoDB Local takes far longer than its usual second or two.
  for attempt in $(seq 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    [ "$attempt" -lt 600 ] || { echo "DynamoDB Local did not start: $out/dynamodb-local.log" >&2; exit 1; }
    sleep 0.1
  done
  export DYNAMODB_ENDPOINT="http://127.0.0.1:$port"
}
