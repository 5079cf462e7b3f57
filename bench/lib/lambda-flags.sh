# shellcheck shell=bash
# The JVM flags the functions run with in AWS, for the cold-start benchmarks: the JAVA_TOOL_OPTIONS of the
# template's Globals, read from template.yaml so that a benchmark cannot drift from what is deployed. From the
# repository root:
#   source bench/lib/lambda-flags.sh
#   LAMBDA_FLAGS=$(bench_lambda_flags)

bench_lambda_flags() {
  local flags
  flags=$(awk '/^Globals:/ { globals = 1 } globals && /JAVA_TOOL_OPTIONS:/ { sub(/^.*JAVA_TOOL_OPTIONS: */, ""); print; exit }' \
    template.yaml)
  [ -n "$flags" ] || { echo "No JAVA_TOOL_OPTIONS under Globals in template.yaml" >&2; exit 1; }
  echo "$flags"
}
