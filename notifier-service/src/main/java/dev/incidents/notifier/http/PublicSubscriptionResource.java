package dev.incidents.notifier.http;

import dev.incidents.notifier.app.NotifierConfig;
import dev.incidents.notifier.delivery.EmailLinks;
import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.SignUpAllowance;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.domain.SubscriptionSpec;
import dev.incidents.notifier.domain.Targets;
import dev.incidents.notifier.domain.Violation;
import dev.incidents.support.http.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Status page readers subscribe themselves, without signing in: by email (double opt-in: nothing but the request to
 * confirm is sent before the reader follows its link) or by webhook (a signing secret made here and shown in this
 * answer only, and a link to unsubscribe). Always PUBLIC; each client address may sign up a few times per window.
 */
@Path("/public/subscriptions")
@PermitAll
@StatusPageOrigins.Open
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicSubscriptionResource {

    private static final Set<Channel> OPEN_TO_READERS = Set.of(Channel.EMAIL, Channel.WEBHOOK);
    private static final int SECRET_BYTES = 32;

    private final SubscriptionSignUps signUps;
    private final EmailLinks links;
    private final Clock clock;
    private final SignUpAllowance allowance;
    private final StatusPageOrigins.Allowed origins;
    private final SecureRandom random = new SecureRandom();

    PublicSubscriptionResource(SubscriptionSignUps signUps, EmailLinks links, Clock clock, NotifierConfig config,
                               StatusPageOrigins.Allowed origins) {
        this.signUps = signUps;
        this.origins = origins;
        this.links = links;
        this.clock = clock;
        NotifierConfig.PublicSignUp limits = config.publicSignUp();
        this.allowance = new SignUpAllowance(limits.perAddress(), limits.window(), limits.addressesKept());
    }

    /**
     * What the reader is told: the subscription, whether the address awaits confirmation, and for a webhook its
     * signing secret (this once) and where to unsubscribe.
     */
    public record SignedUp(String id, Channel channel, String target, Set<String> components, Set<String> groups,
                           String locale, String timeZone, boolean awaitingConfirmation, String secret,
                           URI unsubscribeUrl) {
    }

    /**
     * What the route allows; to a browser on one of the status page's origins also its CORS preflight answer (POST
     * with JSON). Any other origin gets no CORS header, so its browser does not send the sign-up.
     */
    @OPTIONS
    @Operation(summary = "Allowed methods; the CORS preflight answer for the status page's origins")
    public Response preflight(@HeaderParam("Origin") String origin) {
        Response.ResponseBuilder answer = Response.noContent().header("Allow", "POST, OPTIONS");
        if (origins.allows(origin)) {
            answer.header("Access-Control-Allow-Methods", StatusPageOrigins.METHODS)
                    .header("Access-Control-Allow-Headers", StatusPageOrigins.HEADERS)
                    .header("Access-Control-Max-Age", StatusPageOrigins.MAX_AGE_SECONDS);
        }
        return answer.build();
    }

    @POST
    @Operation(summary = "A status page reader subscribes (PUBLIC only): email with double opt-in, or a webhook "
            + "whose signing secret this answer shows once; a few sign-ups per client address and hour")
    public Response signUp(PublicSubscriptionRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            throw new BadRequestException("A JSON body is required.");
        }
        if (request.channel() != null && !OPEN_TO_READERS.contains(request.channel())) {
            throw new Problems.InvalidSubscriptionException(List.of(new Violation("channel", "Readers subscribe "
                    + "by EMAIL or WEBHOOK; the Atom feed (/history.atom on the status page) needs no subscription.")));
        }
        String secret = request.channel() == Channel.WEBHOOK ? newSecret() : null;
        SubscriptionSpec spec = new SubscriptionSpec(request.channel(), request.target(), Audience.PUBLIC, null,
                request.components(), request.groups(), null, request.locale(),
                request.timeZone() == null ? "UTC" : request.timeZone(), null, null,
                secret == null ? null : List.of(secret));
        signUps.valid(spec, true);
        Optional<Duration> wait = taken(clientAddress(http));
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            return Problem.of("too-many-sign-ups", "Too many sign-ups", 429, "This address has signed up as often "
                    + "as it may for now; try again in " + seconds + " s.", null).responseRetryAfter((int) seconds);
        }
        Subscription created = signUps.create(spec);
        return Response.status(Response.Status.CREATED).entity(new SignedUp(created.id(), created.channel(),
                Targets.shown(created.channel(), created.target()), created.components(), created.groups(),
                created.locale().toLanguageTag(), created.timeZone().getId(), created.awaitingConfirmation(), secret,
                secret == null ? null : links.unsubscribe(created.id(), created.target()))).build();
    }

    private Optional<Duration> taken(String address) {
        synchronized (allowance) {
            return allowance.take(address, clock.instant());
        }
    }

    private static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
