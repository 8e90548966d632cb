#!/usr/bin/env bash
# Runs the command-path benchmark: builds, then measures on this machine and prints the figures.
# Options go through as system properties, e.g. BENCH_OPTS="-Dbench.seconds=30".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl bench exec:java ${BENCH_OPTS:-}
