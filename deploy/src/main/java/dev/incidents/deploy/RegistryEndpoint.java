package dev.incidents.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How tooling reaches the registry's Confluent-compatible API: its address, an HTTP client that trusts the
 * registry's certificate, and the bearer token each call carries when the registry requires one.
 *
 * @param bearerToken a fresh token per call (tokens expire), or empty for an open registry
 */
public record RegistryEndpoint(String confluentApiUrl, HttpClient http, Supplier<Optional<String>> bearerToken) {

    /** An open registry: plain HTTP client, no token. */
    public static RegistryEndpoint open(String confluentApiUrl) {
        return new RegistryEndpoint(confluentApiUrl, HttpClient.newHttpClient(), Optional::empty);
    }

    /** A request to {@code path} under the API, signed in when the registry requires it. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(confluentApiUrl + path));
        bearerToken.get().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request;
    }
}
