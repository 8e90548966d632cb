package dev.incidents.notifier.http;

import dev.incidents.notifier.app.DeliveryLedger;
import dev.incidents.notifier.app.Redelivery;
import dev.incidents.notifier.domain.Delivery;
import dev.incidents.support.http.Paging;
import dev.incidents.support.http.Problem;
import dev.incidents.support.http.ProblemException;
import dev.incidents.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Locale;
import java.util.stream.Stream;

/** The delivery ledger: where each message stands per subscription, and sending a failed one again. */
@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    private final DeliveryLedger ledger;
    private final Redelivery redelivery;

    DeliveryResource(DeliveryLedger ledger, Redelivery redelivery) {
        this.ledger = ledger;
        this.redelivery = redelivery;
    }

    /**
     * Latest change first, a page at a time ({@code limit}, default 100, at most 500; {@code after}: the cursor of
     * the Link header); filters by subscription, incident, maintenance window and status.
     */
    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.NOTIFIER_ADMIN, Roles.ADMIN})
    public Response list(@QueryParam("subscriptionId") String subscriptionId,
                         @QueryParam("incidentId") String incidentId,
                         @QueryParam("maintenanceId") String maintenanceId, @QueryParam("status") String status,
                         @QueryParam("limit") Integer limit, @QueryParam("after") String after, @Context UriInfo uri) {
        Delivery.Status wanted = status(status);
        Paging.Request page = Paging.Request.of(limit, after, DEFAULT_LIMIT, MAX_LIMIT);
        try (Stream<Delivery> all = ledger.all()) {
            return Paging.page(all
                            .filter(d -> subscriptionId == null || d.subscriptionId().equals(subscriptionId))
                            .filter(d -> incidentId == null || incidentId.equals(d.incidentId()))
                            .filter(d -> maintenanceId == null || maintenanceId.equals(d.maintenanceId()))
                            .filter(d -> wanted == null || d.status() == wanted),
                    d -> new Paging.Position(d.updatedAt(), d.messageId()), Paging.Position.NEWEST_FIRST, page)
                    .response(uri);
        }
    }

    @GET
    @Path("/{messageId}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.NOTIFIER_ADMIN, Roles.ADMIN})
    public Delivery get(@PathParam("messageId") String messageId) {
        return ledger.find(messageId).orElseThrow(() -> new ProblemException(Problem.of("not-found",
                "Delivery not found", 404, "No delivery of message " + messageId + " is known.", null)));
    }

    /** 202: the message is on its way again, its attempts counted from zero. 409 unless it has failed. */
    @POST
    @Path("/{messageId}/redeliver")
    @RolesAllowed({Roles.NOTIFIER_ADMIN, Roles.ADMIN})
    public Response redeliver(@PathParam("messageId") String messageId) {
        try {
            return Response.accepted(redelivery.redeliver(messageId)).build();
        } catch (Redelivery.NotRedeliverableException e) {
            throw new ProblemException(e.missing()
                    ? Problem.of("not-found", "Nothing to redeliver", 404, e.getMessage(), null)
                    : Problem.of("conflict", "Not a failed message", 409, e.getMessage(), null));
        }
    }

    private static Delivery.Status status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Delivery.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of("invalid-field", "Invalid query parameter", 400,
                    "status must be one of RETRYING, DELIVERED, FAILED, CANCELLED.", "status"));
        }
    }
}
