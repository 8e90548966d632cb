package dev.incidents.support.wire;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/** The CloudEvents attributes of the records this service writes for other teams ({@link CloudEvents}). */
@ConfigMapping(prefix = "incidents.cloudevents")
public interface CloudEventsConfig {

    /** {@code ce_source}: this service, as a URI. */
    @WithDefault("urn:incidents:${quarkus.application.name}")
    URI source();

    /**
     * The registry's Confluent-compatible API as readers reach it, under which {@code ce_dataschema} names a subject
     * version; by default the one of {@code incidents.registry.url} ({@code .../apis/ccompat/v7}).
     */
    Optional<String> schemaRegistryUrl();
}
