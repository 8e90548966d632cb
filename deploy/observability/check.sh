#!/usr/bin/env bash
# Checks the operators' files: the alert rules are valid and fire as their tests say (promtool, from Debian's
# prometheus package), and the Grafana dashboard is valid JSON.
set -euo pipefail
cd "$(dirname "$0")"
promtool check rules prometheus-rules.yml
promtool test rules prometheus-rules.test.yml
python3 -m json.tool grafana-dashboard.json > /dev/null && echo "grafana-dashboard.json: valid JSON"
