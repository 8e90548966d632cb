package dev.incidents.commands.http;

import dev.incidents.commands.app.IncidentsConfig;
import dev.incidents.commands.app.TemplateLibrary;
import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.Audience;
import dev.incidents.commands.domain.FilledTemplate;
import dev.incidents.commands.domain.IncidentStatus;
import dev.incidents.commands.domain.Template;
import dev.incidents.commands.domain.TemplateDefinition;
import dev.incidents.commands.domain.TemplateFill;
import dev.incidents.commands.domain.TemplateKind;
import dev.incidents.commands.domain.TemplateRules;
import dev.incidents.commands.domain.TemplateText;
import dev.incidents.support.http.InvalidField;
import dev.incidents.support.http.Problem;
import dev.incidents.support.http.ProblemException;
import dev.incidents.support.security.Roles;
import dev.incidents.support.security.SignedInCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Update templates over HTTP: whoever reads incidents lists them and fills one in for an incident; commanders and
 * admins write them. A PUT carries the whole template; If-Match (the version) guards a change against a stale read,
 * {@code If-None-Match: *} makes it a create only. Filling in changes nothing: the command the text becomes is sent
 * and checked on its own.
 */
@Path("/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateResource {

    private final TemplateLibrary library;
    private final SignedInCaller callers;
    private final Clock clock;
    private final int maxTemplates;
    private final VersionPreconditions versions = new VersionPreconditions("template");

    TemplateResource(TemplateLibrary library, SignedInCaller callers, Clock clock, IncidentsConfig config) {
        this.library = library;
        this.callers = callers;
        this.clock = clock;
        this.maxTemplates = config.templates().max();
    }

    /** The request body of a PUT: the whole template. */
    public record DefineTemplate(TemplateKind kind, String name, IncidentStatus status, Audience audience,
                                 String defaultLanguage, Map<String, TemplateText> texts) {
    }

    /**
     * The request body of a fill.
     *
     * @param language the reader's language (BCP 47); the template's closest one is used, or its default
     * @param values   by placeholder name, what to put in; a placeholder without one stays as written
     */
    public record FillTemplate(String language, Map<String, String> values) {
    }

    @GET
    @Operation(summary = "The templates by kind and name; only one kind's with kind=DECLARE, UPDATE or RESOLVE")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.EMITTER, Roles.ADMIN})
    public List<TemplateResponse> list(@QueryParam("kind") String kind) {
        return library.all(kind(kind)).stream().map(TemplateResponse::of).toList();
    }

    @GET
    @Path("{templateId}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.EMITTER, Roles.ADMIN})
    public Response get(@PathParam("templateId") String id) {
        Template template = existing(id);
        return Response.ok(TemplateResponse.of(template)).tag(VersionPreconditions.tag(template.version())).build();
    }

    @PUT
    @Path("{templateId}")
    @Operation(summary = "Define a template (201) or change one (200); the body is the whole template")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    public Response define(@PathParam("templateId") String id, @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam("If-None-Match") String ifNoneMatch, DefineTemplate body) {
        TemplateDefinition definition = valid(id, body);
        Optional<Template> current = library.find(id);
        if (current.isEmpty()) {
            versions.requireAbsentExpected(id, ifMatch);
            if (library.size() >= maxTemplates) {
                throw new ProblemException(Problem.of("templates-full", "There are as many templates as allowed", 409,
                        "The library holds " + maxTemplates + " templates (incidents.templates.max); remove one "
                                + "first.", null));
            }
            Template created = library.save(Template.defined(id, definition, clock.instant()), actor());
            return Response.created(URI.create("/templates/" + id))
                    .tag(VersionPreconditions.tag(created.version())).entity(TemplateResponse.of(created)).build();
        }
        versions.requireCurrent(id, current.get().version(), ifMatch, ifNoneMatch);
        Template changed = current.get().definition().equals(definition) ? current.get()
                : library.save(current.get().redefined(definition, clock.instant()), actor());
        return Response.ok(TemplateResponse.of(changed)).tag(VersionPreconditions.tag(changed.version())).build();
    }

    @DELETE
    @Path("{templateId}")
    @Operation(summary = "Remove a template; commands once started from it are not touched")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    public Response remove(@PathParam("templateId") String id, @HeaderParam("If-Match") String ifMatch) {
        Template current = existing(id);
        versions.requireCurrent(id, current.version(), ifMatch);
        library.remove(current, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("{templateId}/fill")
    @Operation(summary = "The template filled in with the given values, in the closest language: changes nothing")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.EMITTER, Roles.ADMIN})
    public FilledTemplate fill(@PathParam("templateId") String id, FillTemplate body) {
        Template template = existing(id);
        Map<String, String> values = body == null || body.values() == null ? Map.of() : body.values();
        String language = body == null ? null : body.language();
        TemplateRules.checkUse(template.definition().kind(), language, values).ifPresent(rejection -> {
            throw new CommandRejectedException(rejection);
        });
        return TemplateFill.fill(template, language, values);
    }

    private static TemplateDefinition valid(String id, DefineTemplate body) {
        if (body == null) {
            throw new InvalidField("body", "A JSON body is required.");
        }
        TemplateDefinition definition = new TemplateDefinition(body.kind(), body.name(), body.status(),
                body.audience(), body.defaultLanguage(), body.texts());
        TemplateRules.checkId(id).or(() -> TemplateRules.check(definition)).ifPresent(rejection -> {
            throw new CommandRejectedException(rejection);
        });
        return definition;
    }

    private static Optional<TemplateKind> kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(TemplateKind.values()).filter(k -> k.name().equalsIgnoreCase(kind.strip())).findFirst()
                .or(() -> {
                    throw new InvalidField("kind", "kind must be DECLARE, UPDATE or RESOLVE.");
                });
    }

    private Actor actor() {
        return RequestMeta.from(callers.current(), null, null).actor();
    }

    private Template existing(String id) {
        return library.find(id).orElseThrow(() -> versions.notFound(id, "library"));
    }
}
