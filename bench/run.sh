#!/usr/bin/env bash
# Builds, then measures on this machine and prints the figures.
#   ./bench/run.sh              the command path (HTTP and decider beside Kafka's producer)
#   ./bench/run.sh projection   the projection (scan cost by open incidents, overdue lateness, 1M-event rebuild)
#   ./bench/run.sh delivery     the notifier (100 webhook receivers, then 10 of them hanging)
#   ./bench/run.sh status       the public status answers (summary.json, incidents.json, feed) by incidents held
#   ./bench/run.sh memory       the three services' heap after GC as 100k incidents pass through
#   ./bench/run.sh startup      each service's time to ready on existing data: plain, class-data archive, AOT cache
#   ./bench/run.sh latency      command to webhook receipt and to the live stream at steady load, both receiver kinds
# Options go through as system properties, e.g. BENCH_OPTS="-Dbench.seconds=30".
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-commands}" in
  commands) main=dev.incidents.bench.CommandPathBenchmark ;;
  projection) main=dev.incidents.bench.ProjectionBenchmark ;;
  delivery) main=dev.incidents.bench.DeliveryBenchmark ;;
  status) main=dev.incidents.bench.StatusPageBenchmark ;;
  memory) main=dev.incidents.bench.MemoryBenchmark ;;
  latency) main=dev.incidents.bench.EndToEndBenchmark ;;
  startup) main=dev.incidents.bench.StartUpBenchmark ;;
  *) echo "usage: $0 [commands|projection|delivery|status|memory|latency|startup]" >&2; exit 2 ;;
esac
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl bench exec:java -Dbench.main="$main" ${BENCH_OPTS:-}
