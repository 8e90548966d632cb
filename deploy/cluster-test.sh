#!/usr/bin/env bash
# The multi-host failover test: three Kafka brokers, the registry, Keycloak and two instances of each service, each
# on a host of its own (network namespaces on this machine, a private 10.77.0.0/24 behind a bridge), under a steady
# load with a subscribed webhook; then a crash (SIGKILL) and a network cut. Prints its figures and ends with
# "N passed, M failed" (exit 1 if any failed). Needs root (ip netns) and Debian's iproute2; takes about 8 minutes.
# Logs in deploy/target/cluster-test/logs (override the folder with CLUSTER_TEST_DIR).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ "$(id -u)" != 0 ]; then
  echo "[cluster-test] needs root: it makes network namespaces (ip netns) for its hosts" >&2
  exit 2
fi
if ! command -v ip > /dev/null; then
  apt-get update -qq && apt-get install -y -qq iproute2
fi
. "$root/.mvn/jdk.sh"  # a JDK 21 or newer as JAVA_HOME
cd "$root"
if [ "${INCIDENTS_SKIP_BUILD:-}" != "true" ]; then
  echo "[cluster-test] Building (./mvnw install -DskipTests)..."
  ./mvnw -q -B install -DskipTests
fi
export INCIDENTS_REPO_ROOT="$root"
exec "$JAVA_HOME/bin/java" -cp "$root/deploy/target/classes:$root/deploy/target/lib/*" \
  dev.incidents.deploy.cluster.ClusterTest
