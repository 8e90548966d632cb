#!/usr/bin/env bash
# Writes the generated files of base/: the Strimzi KafkaTopics and KafkaUsers from the topic and access catalogs, and
# Keycloak's realm from the local stack's. Expects a build (./mvnw install -DskipTests); StrimziResourcesTest and
# ProductionRealmTest fail while the committed files differ from what this writes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/.mvn/jdk.sh"  # a JDK 21 or newer as JAVA_HOME
classpath="$root/deploy/target/classes:$root/deploy/target/lib/*"
"$JAVA_HOME/bin/java" -cp "$classpath" dev.incidents.deploy.StrimziResources "$root/deploy/kubernetes/base"
"$JAVA_HOME/bin/java" -cp "$classpath" dev.incidents.deploy.ProductionRealm "$root/deploy/kubernetes/base"
