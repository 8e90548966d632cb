package dev.incidents.commands.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.incidents.commands.app.ComponentCatalog;
import dev.incidents.commands.app.IncidentsConfig;
import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.Component;
import dev.incidents.commands.domain.ComponentDefinition;
import dev.incidents.commands.domain.ComponentRules;
import dev.incidents.commands.domain.Rejection;
import dev.incidents.support.http.InvalidField;
import dev.incidents.support.http.Problem;
import dev.incidents.support.http.ProblemException;
import dev.incidents.support.http.QueryFlag;
import dev.incidents.support.security.Roles;
import dev.incidents.support.security.SignedInCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The component catalog over HTTP: everyone who reads incidents reads it, an incident-admin defines, changes and
 * retires components. A PUT carries the whole definition; If-Match (the version) guards a change against a stale
 * read, {@code If-None-Match: *} makes it a create only.
 */
@Path("/components")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComponentResource {

    private final ComponentCatalog catalog;
    private final SignedInCaller callers;
    private final Clock clock;
    private final int maxComponents;
    private final VersionPreconditions versions = new VersionPreconditions("component");

    ComponentResource(ComponentCatalog catalog, SignedInCaller callers, Clock clock, IncidentsConfig config) {
        this.catalog = catalog;
        this.callers = callers;
        this.clock = clock;
        this.maxComponents = config.components().max();
    }

    /** The request body of a PUT: the whole definition. */
    public record DefineComponent(String name, String description, String group, Integer order,
                                  @JsonProperty("public") Boolean visibleToPublic) {
    }

    @GET
    @Operation(summary = "The catalog by group and order; retired components only with retired=true")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.EMITTER, Roles.ADMIN})
    public List<ComponentResponse> list(@QueryParam("retired") String retired) {
        boolean withRetired = QueryFlag.parse("retired", retired).orElse(false);
        return catalog.all().stream().filter(c -> withRetired || !c.retired()).map(ComponentResponse::of).toList();
    }

    @GET
    @Path("{componentId}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.EMITTER, Roles.ADMIN})
    public Response get(@PathParam("componentId") String id) {
        Component component = existing(id);
        return Response.ok(ComponentResponse.of(component)).tag(tag(component)).build();
    }

    @PUT
    @Path("{componentId}")
    @Operation(summary = "Define a component (201) or change or bring back one (200); the body is the whole definition")
    @RolesAllowed(Roles.ADMIN)
    public Response define(@PathParam("componentId") String id, @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam("If-None-Match") String ifNoneMatch, DefineComponent body) {
        ComponentDefinition definition = valid(id, body);
        Optional<Component> current = catalog.find(id);
        if (current.isEmpty()) {
            versions.requireAbsentExpected(id, ifMatch);
            if (catalog.inUse() >= maxComponents) {
                throw new ProblemException(Problem.of("catalog-full", "The component catalog is full", 409,
                        "The catalog holds " + maxComponents + " components (incidents.components.max); retire one "
                                + "first.", null));
            }
            Component created = catalog.save(Component.defined(id, definition, false, clock.instant()), actor());
            return Response.created(URI.create("/components/" + id)).tag(tag(created))
                    .entity(ComponentResponse.of(created)).build();
        }
        versions.requireCurrent(id, current.get().version(), ifMatch, ifNoneMatch);
        Component changed = current.get().definition().equals(definition) && !current.get().retired()
                && !current.get().createdOnDeclare() ? current.get()
                : catalog.save(current.get().redefined(definition, clock.instant()), actor());
        return Response.ok(ComponentResponse.of(changed)).tag(tag(changed)).build();
    }

    @DELETE
    @Path("{componentId}")
    @Operation(summary = "Retire a component: new declares may no longer name it; incidents that did keep its name")
    @RolesAllowed(Roles.ADMIN)
    public Response retire(@PathParam("componentId") String id, @HeaderParam("If-Match") String ifMatch) {
        Component current = existing(id);
        versions.requireCurrent(id, current.version(), ifMatch);
        if (!current.retired()) {
            catalog.save(current.retiredAt(clock.instant()), actor());
        }
        return Response.noContent().build();
    }

    private static ComponentDefinition valid(String id, DefineComponent body) {
        if (body == null) {
            throw new InvalidField("body", "A JSON body is required.");
        }
        if (body.visibleToPublic() == null) {
            throw new CommandRejectedException(Rejection.invalid("public",
                    "public is required: true shows the component on the status page and to public subscribers."));
        }
        ComponentDefinition definition = new ComponentDefinition(body.name(), body.description(), body.group(),
                body.order() == null ? 0 : body.order(), body.visibleToPublic());
        ComponentRules.checkId(id).or(() -> ComponentRules.check(definition)).ifPresent(rejection -> {
            throw new CommandRejectedException(rejection);
        });
        return definition;
    }

    private Actor actor() {
        return RequestMeta.from(callers.current(), null, null).actor();
    }

    private Component existing(String id) {
        return catalog.find(id).orElseThrow(() -> versions.notFound(id, "catalog"));
    }

    private static EntityTag tag(Component component) {
        return VersionPreconditions.tag(component.version());
    }
}
