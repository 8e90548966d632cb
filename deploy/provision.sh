#!/usr/bin/env bash
# Provisions a real cluster from one properties file: topics, the services' SCRAM users and ACLs, the released
# schemas (keys: README, "Running on a cluster"). Safe to run again. Expects a build (./mvnw install -DskipTests).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/.mvn/jdk.sh"  # a JDK 21 or newer as JAVA_HOME
exec "$JAVA_HOME/bin/java" -cp "$root/deploy/target/classes:$root/deploy/target/lib/*" dev.incidents.deploy.Provision "$@"
