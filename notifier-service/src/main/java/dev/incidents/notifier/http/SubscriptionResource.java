package dev.incidents.notifier.http;

import dev.incidents.notifier.app.ConfirmationRequests;
import dev.incidents.notifier.app.SubscriptionStore;
import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.domain.Targets;
import dev.incidents.notifier.domain.SubscriptionSpec;
import dev.incidents.support.http.Paging;
import dev.incidents.support.http.Problem;
import dev.incidents.support.http.ProblemException;
import dev.incidents.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/** Create, list, read, change and delete subscriptions. Secrets go in and never come out. */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NOTIFIER_ADMIN, Roles.ADMIN})
public class SubscriptionResource {

    private static final Logger LOG = Logger.getLogger(SubscriptionResource.class);
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    private final SubscriptionStore store;
    private final SubscriptionSignUps signUps;
    private final ConfirmationRequests confirmations;
    private final Clock clock;

    SubscriptionResource(SubscriptionStore store, SubscriptionSignUps signUps, ConfirmationRequests confirmations,
                         Clock clock) {
        this.store = store;
        this.signUps = signUps;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    @POST
    public Response create(SubscriptionRequest request) {
        Subscription created = signUps.create(spec(request));
        return Response.created(URI.create("/subscriptions/" + created.id())).tag(tag(created))
                .entity(SubscriptionResponse.of(created)).build();
    }

    /** Oldest first, a page at a time ({@code limit}, default 100, at most 500; {@code after} from the Link). */
    @GET
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("after") String after,
                         @Context UriInfo uri) {
        Paging.Request page = Paging.Request.of(limit, after, DEFAULT_LIMIT, MAX_LIMIT);
        return Paging.page(store.all().stream().map(SubscriptionResponse::of),
                s -> new Paging.Position(s.createdAt(), s.id()), Paging.Position.OLDEST_FIRST, page).response(uri);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        Subscription subscription = existing(id);
        return Response.ok(SubscriptionResponse.of(subscription)).tag(tag(subscription)).build();
    }

    /**
     * Replaces the subscription; {@code secrets} left out keeps the secrets it has, a target sent back as the answers
     * show it (a masked chat webhook URL) keeps the target it has. If-Match: its version.
     */
    @PUT
    @Path("/{id}")
    public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           SubscriptionRequest request) {
        Subscription current = existing(id);
        SubscriptionSpec sent = spec(request);
        SubscriptionSpec spec = signUps.valid(sent.channel() == current.channel()
                && Objects.equals(sent.target(), Targets.shown(current.channel(), current.target()))
                ? sent.withTarget(current.target()) : sent, false);
        requireVersion(current, ifMatch);
        Subscription changed = store.save(current.change(spec, clock.instant()));
        LOG.infof("Changed %s", changed);
        if (!current.awaitingConfirmation() || !changed.target().equals(current.target())) {
            signUps.requestConfirmation(changed);
        }
        return Response.ok(SubscriptionResponse.of(changed)).tag(tag(changed)).build();
    }

    /** Sends the request to confirm an email address again (the last one expired or went astray); 202. */
    @POST
    @Path("/{id}/confirmation-requests")
    @Consumes(MediaType.WILDCARD)
    public Response requestConfirmationAgain(@PathParam("id") String id) {
        Subscription subscription = existing(id);
        if (!subscription.awaitingConfirmation()) {
            throw new ProblemException(Problem.of("not-awaiting-confirmation",
                    "The subscription awaits no confirmation", 409, "Subscription " + id
                            + (subscription.channel() == Channel.EMAIL ? " is confirmed already."
                            : " is no EMAIL subscription."), null));
        }
        confirmations.request(subscription);
        return Response.accepted().build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        Subscription current = existing(id);
        requireVersion(current, ifMatch);
        store.delete(id);
        LOG.infof("Deleted %s", current);
        return Response.noContent().build();
    }

    private static SubscriptionSpec spec(SubscriptionRequest request) {
        if (request == null) {
            throw new BadRequestException("A JSON body is required.");
        }
        return request.toSpec();
    }

    private Subscription existing(String id) {
        return store.find(id).orElseThrow(() -> new ProblemException(Problem.of("not-found",
                "Subscription not found", 404, "No subscription " + id + ".", null)));
    }

    private static void requireVersion(Subscription current, String ifMatch) {
        if (ifMatch != null && !ifMatch.replace("\"", "").strip().equals(String.valueOf(current.version()))) {
            throw new ProblemException(Problem.of("version-mismatch", "The subscription has changed", 412,
                    "The subscription is at version " + current.version() + ", not " + ifMatch + ".", "If-Match"));
        }
    }

    private static EntityTag tag(Subscription subscription) {
        return new EntityTag(String.valueOf(subscription.version()));
    }
}
