# shellcheck shell=bash
# Finds a JDK that can build and run Barometer (21 or newer). Source this file, then call barometer_use_jdk.

BAROMETER_MIN_JAVA=21

# The major version of the JDK in directory $1 (from its release file, else from java -version), or nothing.
barometer_jdk_major() {
  local home="$1" version=""
  if [[ -f "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$home/release" | head -n 1)"
  elif [[ -x "$home/bin/java" ]]; then
    version="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
  fi
  [[ -n "$version" ]] || return 0
  if [[ "$version" == 1.* ]]; then
    version="${version#1.}"
  fi
  echo "${version%%[.+_-]*}"
}

# Prints the JAVA_HOME to use: $JAVA_HOME if it is new enough, else the newest JDK under /usr/lib/jvm
# (BAROMETER_JVM_DIR overrides where to look).
barometer_find_jdk() {
  local major
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    major="$(barometer_jdk_major "$JAVA_HOME")"
    if [[ -n "$major" && "$major" -ge "$BAROMETER_MIN_JAVA" ]]; then
      echo "$JAVA_HOME"
      return 0
    fi
  fi
  local best="" best_major=0 dir
  for dir in "${BAROMETER_JVM_DIR:-/usr/lib/jvm}"/*/; do
    dir="${dir%/}"
    [[ -f "$dir/release" && -x "$dir/bin/java" && -x "$dir/bin/javac" ]] || continue
    major="$(barometer_jdk_major "$dir")"
    if [[ -n "$major" && "$major" -ge "$BAROMETER_MIN_JAVA" && "$major" -gt "$best_major" ]]; then
      best="$dir"
      best_major="$major"
    fi
  done
  if [[ -z "$best" ]]; then
    echo "Barometer needs a JDK $BAROMETER_MIN_JAVA or newer: JAVA_HOME=${JAVA_HOME:-<unset>} is older or missing," \
      "and ${BAROMETER_JVM_DIR:-/usr/lib/jvm} has none with JAVA_VERSION >= $BAROMETER_MIN_JAVA in its release file." \
      "Install one (for example Temurin 21) and set JAVA_HOME." >&2
    return 1
  fi
  echo "$best"
}

# Exports JAVA_HOME and PATH for the JDK barometer_find_jdk picks.
barometer_use_jdk() {
  local home
  home="$(barometer_find_jdk)" || return 1
  export JAVA_HOME="$home"
  export PATH="$home/bin:$PATH"
}
