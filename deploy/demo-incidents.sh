#!/usr/bin/env bash
# Fills a running local stack with a component catalog and a few incidents, so that the dashboard and the status
# page have something to show: an open SEV1 with public and internal updates, an open SEV2, a resolved SEV3 with
# its RCA, a maintenance window under way on notifications and one planned for tomorrow on search. Everything goes through the commands API, as a person or a monitor would send it, signed in with the local
# realm's incident-admin (the catalog), commander (a person) or incident-emitter (a monitor).
set -euo pipefail
. "$(dirname "$0")/token.sh"
commands="http://127.0.0.1:${INCIDENTS_COMMANDS_PORT:-8080}"
commander=$(local_token commander)
monitor=$(local_emitter_token)

post() {
  curl -sS -f -X POST "$commands$1" -H 'Content-Type: application/json' -H "Authorization: Bearer ${3:-$commander}" \
    -d "$2"
}

incident_id() {
  sed -E 's/.*"incidentId":"([^"]+)".*/\1/'
}

# component id, display name, group, order: every one public
admin=$(local_token incident-admin)
while IFS='|' read -r id name group order; do
  curl -sS -f -o /dev/null -X PUT "$commands/components/$id" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $admin" \
    -d "{\"name\":\"$name\",\"group\":\"$group\",\"order\":$order,\"public\":true}"
done <<'CATALOG'
checkout|Checkout|Shop|1
payments-api|Payments API|Shop|2
search|Search|Shop|3
accounts|Sign-in and accounts|Accounts|1
notifications|Email and push notifications|Accounts|2
CATALOG

sev1=$(post /incidents '{"title":"Card payments failing","severity":"SEV1","components":["checkout","payments-api"],
  "summary":"Customers cannot pay by card; orders are not placed. We are investigating.","commander":"Dana Ops"}' \
  | incident_id)
post "/incidents/$sev1/updates" '{"status":"IDENTIFIED","audience":"INTERNAL",
  "message":"Gateway pods crash-loop since deploy 4812; rolling back"}' > /dev/null
post "/incidents/$sev1/updates" '{"status":"IDENTIFIED",
  "message":"We found the cause, a faulty release of our payment gateway, and are rolling it back."}' > /dev/null

sev2=$(post /incidents '{"title":"Search results delayed","severity":"SEV2","components":["search"],
  "summary":"New products take up to 20 minutes to appear in search."}' "$monitor" | incident_id)

sev3=$(post /incidents '{"title":"Sign-in emails delayed","severity":"SEV3","components":["accounts"],
  "summary":"Sign-in emails arrive late."}' | incident_id)
post "/incidents/$sev3/resolve" "{\"message\":\"Sign-in emails arrive on time again.\",
  \"rcaDueAt\":\"$(date -u -d '+3 days' +%Y-%m-%dT%H:%M:%SZ)\",\"rcaOwner\":\"Accounts team\"}" > /dev/null
post "/incidents/$sev3/rca" '{"rootCause":"Our mail provider throttled our sending account after a traffic spike.",
  "thirdParty":{"vendor":"MailCo","description":"throttled outbound mail for 40 minutes"},
  "correctiveActions":[{"description":"Send sign-in emails through a second provider when the first one slows down",
  "owner":"Accounts team"},{"description":"Alert on email delivery delay above 2 minutes","owner":"SRE"}]}' > /dev/null

maintenance_id() {
  sed -E 's/.*"maintenanceId":"([^"]+)".*/\1/'
}
at() {
  date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ
}
running=$(post /maintenances "{\"title\":\"Push notification provider switch\",
  \"description\":\"Push notifications may arrive a few minutes late while we move to a new provider.\",
  \"components\":[\"notifications\"],\"startsAt\":\"$(at '-5 minutes')\",\"endsAt\":\"$(at '+55 minutes')\"}" \
  | maintenance_id)
post "/maintenances/$running/start" '{"message":"The switch has begun."}' > /dev/null
planned=$(post /maintenances "{\"title\":\"Search index upgrade\",
  \"description\":\"Search may return older results for up to ten minutes.\",
  \"components\":[\"search\"],\"startsAt\":\"$(at 'tomorrow 02:00')\",\"endsAt\":\"$(at 'tomorrow 03:00')\"}" \
  | maintenance_id)

echo "Declared $sev1 (SEV1), $sev2 (SEV2) and $sev3 (SEV3, resolved, RCA published)."
echo "Maintenance $running under way on notifications; $planned planned for tomorrow 02:00 UTC on search."
echo "Dashboard:   http://127.0.0.1:${INCIDENTS_PROJECTION_PORT:-8082}/dashboard/  (sign in as commander / commander-local)"
echo "Status page: http://127.0.0.1:${INCIDENTS_PROJECTION_PORT:-8082}/status/"
