# Sourced by the project's scripts: picks a JDK that can build Barometer (21 or newer) and exports JAVA_HOME.
# JAVA_HOME wins when it is new enough, then the JDK of `javac` on the PATH, then the newest under /usr/lib/jvm.

barometer_java_major() {
  [ -x "$1/bin/javac" ] || return 1
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  [ -n "$version" ] && echo "$version"
}

barometer_use_jdk() {
  local minimum="${1:-21}" candidate major chosen="" chosen_major=0
  local preferred=()
  [ -n "${JAVA_HOME:-}" ] && preferred+=("$JAVA_HOME")
  command -v javac >/dev/null 2>&1 && preferred+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  for candidate in "${preferred[@]}"; do
    major=$(barometer_java_major "$candidate") || continue
    if [ "$major" -ge "$minimum" ]; then chosen="$candidate"; break; fi
  done
  if [ -z "$chosen" ]; then
    for candidate in /usr/lib/jvm/*; do
      major=$(barometer_java_major "$candidate") || continue
      if [ "$major" -ge "$minimum" ] && [ "$major" -gt "$chosen_major" ]; then
        chosen="$candidate"; chosen_major="$major"
      fi
    done
  fi
  if [ -z "$chosen" ]; then
    echo "Barometer needs a JDK $minimum or newer; none found in JAVA_HOME, on the PATH or under /usr/lib/jvm." >&2
    echo "Install one (for example Debian's openjdk-21-jdk or Temurin 21+) and set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$chosen"
  export PATH="$JAVA_HOME/bin:$PATH"
}
