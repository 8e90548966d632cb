#!/usr/bin/env bash
# Writes the Strimzi KafkaTopics and KafkaUsers of base/ from the topic and access catalogs. Expects a build
# (./mvnw install -DskipTests); StrimziResourcesTest fails while the committed files differ from what this writes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/.mvn/jdk.sh"  # a JDK 21 or newer as JAVA_HOME
exec "$JAVA_HOME/bin/java" -cp "$root/deploy/target/classes:$root/deploy/target/lib/*" \
  dev.incidents.deploy.StrimziResources "$root/deploy/kubernetes/base"
