#!/usr/bin/env bash
# A webhook receiver to try the notifier with: prints every message it gets and checks its signature.
# DEMO_RECEIVER_PORT (9000) and DEMO_RECEIVER_SECRET (the README's demo secret) change its defaults.
# Expects a build (./deploy/local-stack.sh builds one).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/.mvn/jdk.sh"  # a JDK 21 or newer as JAVA_HOME
exec "$JAVA_HOME/bin/java" -cp "$root/deploy/target/classes:$root/deploy/target/lib/*" dev.incidents.deploy.DemoReceiver
