#!/usr/bin/env bash
# Writes every file made from the catalogs and the contract, so that none is written twice: the Strimzi KafkaTopics
# and KafkaUsers and Keycloak's realm under deploy/kubernetes/base, and the AsyncAPI document of the topics
# (schemas/src/main/resources/asyncapi.yaml). Expects a build (./mvnw install -DskipTests); StrimziResourcesTest,
# ProductionRealmTest and AsyncApiDocumentTest fail while the committed files differ from what this writes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/.mvn/jdk.sh"  # a JDK 21 or newer as JAVA_HOME
classpath="$root/deploy/target/classes:$root/deploy/target/lib/*"
"$JAVA_HOME/bin/java" -cp "$classpath" dev.incidents.deploy.StrimziResources "$root/deploy/kubernetes/base"
"$JAVA_HOME/bin/java" -cp "$classpath" dev.incidents.deploy.ProductionRealm "$root/deploy/kubernetes/base"
"$JAVA_HOME/bin/java" -cp "$classpath" dev.incidents.deploy.AsyncApiDocument "$root"
