# Sourced by ./mvnw and the project's scripts: makes JAVA_HOME a JDK 21 or newer.
# Keeps JAVA_HOME, or the java on PATH, when it is already 21+; otherwise takes the newest JDK 21+ under
# /usr/lib/jvm (on these machines OpenJDK 17 is the default and Temurin 25 is installed beside it).
incidents_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}
incidents_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    [ "$(incidents_java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null && return 0
  elif command -v java > /dev/null 2>&1; then
    [ "$(incidents_java_major java)" -ge 21 ] 2>/dev/null && return 0
  fi
  incidents_best="" incidents_best_major=0
  for incidents_home in /usr/lib/jvm/*; do
    [ -x "$incidents_home/bin/javac" ] || continue
    incidents_major="$(incidents_java_major "$incidents_home/bin/java")"
    if [ "${incidents_major:-0}" -ge 21 ] 2>/dev/null && [ "$incidents_major" -gt "$incidents_best_major" ]; then
      incidents_best="$incidents_home" incidents_best_major="$incidents_major"
    fi
  done
  if [ -z "$incidents_best" ]; then
    echo "This project needs a JDK 21 or newer: set JAVA_HOME to one (none found under /usr/lib/jvm)." >&2
    return 1
  fi
  JAVA_HOME="$incidents_best"
  export JAVA_HOME
}
incidents_pick_jdk
