package dev.incidents.commands.wire;

import dev.incidents.avro.ComponentDefined;
import dev.incidents.avro.ComponentEvent;
import dev.incidents.avro.ComponentRetired;
import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.Component;
import dev.incidents.commands.domain.ComponentDefinition;

/** The component catalog's domain records to and from their contract on incident-components. */
public final class ComponentMapper {

    private ComponentMapper() {
    }

    /** The record that holds {@code component} whole, as changed by {@code actor}. */
    public static ComponentEvent toAvro(Component component, Actor actor) {
        ComponentDefinition d = component.definition();
        Object payload = component.retired()
                ? new ComponentRetired(d.name(), d.description(), d.group(), d.order(), d.visibleToPublic())
                : new ComponentDefined(d.name(), d.description(), d.group(), d.order(), d.visibleToPublic(),
                component.createdOnDeclare());
        return ComponentEvent.newBuilder()
                .setComponentId(component.id())
                .setVersion(component.version())
                .setOccurredAt(component.changedAt())
                .setActor(CommandMapper.actor(actor))
                .setPayload(payload)
                .build();
    }

    public static Component toDomain(ComponentEvent event) {
        return switch (event.getPayload()) {
            case ComponentDefined defined -> new Component(event.getComponentId(),
                    new ComponentDefinition(defined.getName(), defined.getDescription(), defined.getGroup(),
                            defined.getOrder(), defined.getVisibleToPublic()),
                    false, defined.getCreatedOnDeclare(), event.getVersion(), event.getOccurredAt());
            case ComponentRetired retired -> new Component(event.getComponentId(),
                    new ComponentDefinition(retired.getName(), retired.getDescription(), retired.getGroup(),
                            retired.getOrder(), retired.getVisibleToPublic()),
                    true, false, event.getVersion(), event.getOccurredAt());
            default -> throw new IllegalArgumentException("Unknown component change "
                    + event.getPayload().getClass().getName() + " of " + event.getComponentId());
        };
    }
}
