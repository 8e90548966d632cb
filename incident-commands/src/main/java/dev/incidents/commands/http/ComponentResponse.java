package dev.incidents.commands.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.incidents.commands.domain.Component;
import dev.incidents.commands.domain.ComponentDefinition;

import java.time.Instant;

/** A catalog component as the API shows it. */
public record ComponentResponse(String id, String name, String description, String group, int order,
                                @JsonProperty("public") boolean visibleToPublic, boolean retired,
                                boolean createdOnDeclare, long version, Instant changedAt) {

    static ComponentResponse of(Component component) {
        ComponentDefinition d = component.definition();
        return new ComponentResponse(component.id(), d.name(), d.description(), d.group(), d.order(),
                d.visibleToPublic(), component.retired(), component.createdOnDeclare(), component.version(),
                component.changedAt());
    }
}
