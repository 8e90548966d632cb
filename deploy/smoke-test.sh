#!/usr/bin/env bash
# Checks the README's start command end to end: the local stack starts, declares an incident over HTTP,
# stops on a signal and leaves no process behind. Expects a prior build (./mvnw install or verify).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$(mktemp -d)"
export INCIDENTS_DATA_DIR="$data" INCIDENTS_SKIP_BUILD=true
# A stop while the stack is still starting stops what started so far, the part being started included.
INCIDENTS_DATA_DIR="$data/interrupted" "$root/deploy/local-stack.sh" > "$data/interrupted.out" 2>&1 &
interrupted=$!
for _ in $(seq 1 240); do
  grep -q 'Mail server ' "$data/interrupted.out" && break
  sleep 0.5
done
sleep 1  # the services are starting now
kill -TERM "$interrupted"
wait "$interrupted" || true
sleep 1
if pgrep -f "$data/interrupted" > /dev/null; then
  echo "smoke test: a stop while starting left processes behind: $(pgrep -af "$data/interrupted")"
  cat "$data/interrupted.out"
  pkill -KILL -f "$data/interrupted" || true
  exit 1
fi
"$root/deploy/local-stack.sh" > "$data/stack.out" 2>&1 &
stack=$!
DEMO_RECEIVER_PORT=9000 "$root/deploy/demo-receiver.sh" > "$data/receiver.out" 2>&1 &
receiver=$!
fail() { echo "smoke test: $*"; cat "$data/stack.out" "$data/receiver.out"; tail -n 30 "$data"/logs/*.log || true; # incidentctl as a script runs it, on the commander's token
listed=$(INCIDENTS_TOKEN="$token" "$root/incidentctl/incidentctl" list --all) || fail "incidentctl list failed: $listed"
grep -q "$id" <<< "$listed" || fail "incidentctl list does not show incident $id: $listed"
# a reader signs up by email as the status page does: the local mail server gets the confirmation and prints its link
signed=$(curl -s -o "$data/sign-up.json" -w '%{http_code}' -X POST http://127.0.0.1:8083/public/subscriptions \
  -H 'Content-Type: application/json' -d '{"channel":"EMAIL","target":"reader@example.com","locale":"en"}')
[ "$signed" = 201 ] || fail "the public sign-up answered $signed: $(cat "$data/sign-up.json")"
for _ in $(seq 1 30); do grep -q '/mail/confirm/' "$data/stack.out" && break; sleep 1; done
grep -q 'Mail to reader@example.com' "$data/stack.out" && grep -q '/mail/confirm/' "$data/stack.out" \
  || fail "the local mail server did not announce the confirmation mail with its link"
kill -TERM "$stack" "$receiver" 2>/dev/null || true; exit 1; }
for _ in $(seq 1 240); do
  grep -q 'Press Ctrl-C' "$data/stack.out" && break
  kill -0 "$stack" 2>/dev/null || fail "the stack exited while starting"
  sleep 1
done
grep -q 'Press Ctrl-C' "$data/stack.out" || fail "the stack was not ready within 240 s"
. "$root/deploy/token.sh"
anonymous=$(curl -s -o /dev/null -w '%{http_code}' -X POST http://127.0.0.1:8080/incidents \
  -H 'Content-Type: application/json' -d '{"title":"Smoke test","severity":"SEV2","summary":"Nobody signed in"}')
[ "$anonymous" = 401 ] || fail "a declare without a token answered $anonymous, not 401"
token=$(local_token commander) || fail "no token for commander from the local Keycloak"
viewer=$(local_token viewer) || fail "no token for viewer from the local Keycloak"
refused=$(curl -s -o /dev/null -w '%{http_code}' -X POST http://127.0.0.1:8080/incidents -H "Authorization: Bearer $viewer" \
  -H 'Content-Type: application/json' -d '{"title":"Smoke test","severity":"SEV2","summary":"A viewer tries"}')
[ "$refused" = 403 ] || fail "a viewer's declare answered $refused, not 403"
status=$(curl -s -o "$data/declare.json" -w '%{http_code}' -X POST http://127.0.0.1:8080/incidents \
  -H "Authorization: Bearer $token" -H 'X-Actor-Id: somebody-else' \
  -H 'Content-Type: application/json' -d '{"title":"Smoke test","severity":"SEV2","summary":"Checking the stack"}')
[ "$status" = 201 ] || fail "declare answered $status: $(cat "$data/declare.json")"
id=$(sed -n 's/.*"incidentId":"\([^"]*\)".*/\1/p' "$data/declare.json")
anonymous=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:8082/incidents/$id")
[ "$anonymous" = 401 ] || fail "the projection answered $anonymous to a read without a token, not 401"
for _ in $(seq 1 60); do
  projected=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $viewer" "http://127.0.0.1:8082/incidents/$id")
  [ "$projected" = 200 ] && break
  sleep 1
done
[ "$projected" = 200 ] || fail "the projection did not show incident $id to the viewer (last answer $projected)"
curl -s -H "Authorization: Bearer $viewer" "http://127.0.0.1:8082/incidents/$id/timeline" | grep -q '"actor":"commander"' \
  || fail "the timeline does not name the signed-in commander as the actor"
for page in dashboard/ dashboard/dashboard.js dashboard/sign-in dashboard/sign-in.js status/ status/status.js shared/format.js \
    api/v2/summary.json; do
  served=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:8082/$page")
  [ "$served" = 200 ] || fail "the projection did not serve /$page ($served)"
done
grep -q "$id" <(curl -s http://127.0.0.1:8082/api/v2/summary.json) || fail "summary.json does not list incident $id"
grep -q '<feed' <(curl -s http://127.0.0.1:8082/history.atom) || fail "history.atom is not a feed"
admin=$(local_token notifier-admin) || fail "no token for notifier-admin from the local Keycloak"
subscribed=$(curl -s -o "$data/subscribe.json" -w '%{http_code}' -X POST http://127.0.0.1:8083/subscriptions \
  -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{"channel":"WEBHOOK","target":"http://127.0.0.1:9000/hook",
  "audience":"PUBLIC","locale":"en","timeZone":"UTC","secrets":["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]}')
[ "$subscribed" = 201 ] || fail "subscribe answered $subscribed: $(cat "$data/subscribe.json")"
trace=4bf92f3577b34da6a3ce929d0e0e47ab  # one trace, from the declare's HTTP request to the webhook the receiver gets
for attempt in $(seq 1 20); do  # the subscription applies once the planner has read it: declare until one arrives
  curl -s -o /dev/null -X POST http://127.0.0.1:8080/incidents -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $token" -H "traceparent: 00-$trace-00f067aa0ba902b7-01" \
    -d "{\"title\":\"Smoke test $attempt\",\"severity\":\"SEV2\",\"summary\":\"Checking delivery\"}"
  for _ in $(seq 1 10); do grep -q 'incident.declared' "$data/receiver.out" && break 2; sleep 0.5; done
done
grep -q 'incident.declared.*signature valid' "$data/receiver.out" || fail "no signed webhook reached the receiver"
grep -q "traceparent 00-$trace-" "$data/receiver.out" || fail "the webhook did not carry the declare's trace $trace"
kill -TERM "$stack" "$receiver"
wait "$stack" || true
wait "$receiver" || true
sleep 1
if pgrep -f "$data" > /dev/null; then fail "processes left behind: $(pgrep -af "$data")"; fi
echo "smoke test: a stop while starting left nothing behind; stack started (Keycloak too), refused a declare without a token (401) and a viewer's (403), declared one as commander (201, recorded as commander whatever X-Actor-Id said), the projection refused an anonymous read (401) and showed it to the viewer, the public pages and the status summary and feed were served, a signed webhook reached the demo receiver in the declare's trace, incidentctl listed the incident, a reader's email sign-up reached the local mail server with its confirm link, stopped with nothing left behind"
rm -rf "$data"
