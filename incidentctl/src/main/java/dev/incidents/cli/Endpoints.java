package dev.incidents.cli;

import java.net.URI;

/**
 * Where the services and the identity provider are.
 *
 * @param issuer   the OpenID Connect issuer people sign in at (its discovery document names the endpoints)
 * @param clientId the public client incidentctl signs in as
 */
record Endpoints(URI commands, URI projection, URI issuer, String clientId) {
}
