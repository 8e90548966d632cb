#!/usr/bin/env bash
# Validates the AsyncAPI document with the AsyncAPI project's own parser (npm: @asyncapi/parser and its Avro schema
# parser, at the versions package-lock.json pins); exits non-zero on any error. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
node validate.mjs ../src/main/resources/asyncapi.yaml
