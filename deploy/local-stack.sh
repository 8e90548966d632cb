#!/usr/bin/env bash
# Starts the whole system locally in the foreground: a real Kafka broker, Apicurio Registry, the services.
# Ctrl-C stops everything. Data stays in .local-stack/ (override with INCIDENTS_DATA_DIR).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/.mvn/jdk.sh"  # a JDK 21 or newer as JAVA_HOME
cd "$root"
if [ "${INCIDENTS_SKIP_BUILD:-}" != "true" ]; then
  echo "[local-stack] Building (./mvnw install -DskipTests; the first run downloads dependencies)..."
  ./mvnw -q -B install -DskipTests
fi
export INCIDENTS_REPO_ROOT="$root"
exec "$JAVA_HOME/bin/java" -cp "$root/deploy/target/classes:$root/deploy/target/lib/*" dev.incidents.deploy.LocalStack
