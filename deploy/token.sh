# Sourced by the project's scripts: local_token USER prints an access token of USER from the local stack's Keycloak
# (realm incidents; local passwords are USER-local), local_emitter_token one of the incident-emitter machine client.
incidents_token_url="http://127.0.0.1:${INCIDENTS_IDP_PORT:-8180}/realms/incidents/protocol/openid-connect/token"
incidents_access_token() {
  sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
local_token() {
  curl -sS -f -d grant_type=password -d client_id=incidents-cli -d "username=$1" -d "password=$1-local" \
    "$incidents_token_url" | incidents_access_token
}
local_emitter_token() {
  curl -sS -f -d grant_type=client_credentials -d client_id=incident-emitter \
    -d client_secret=incident-emitter-local-secret "$incidents_token_url" | incidents_access_token
}
