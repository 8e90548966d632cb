package dev.incidents.notifier.http;

import dev.incidents.notifier.app.SubscriptionStore;
import dev.incidents.notifier.delivery.EmailLinks;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.render.SubscriptionMailRenderer;
import dev.incidents.notifier.render.SubscriptionMailRenderer.Page;
import dev.incidents.support.http.Problem;
import dev.incidents.support.http.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the links in mail do, for anyone holding one, without signing in: confirm an address, unsubscribe. A GET
 * only shows a page with a button (mail scanners open links on their own); the POST acts. The unsubscribe POST is
 * RFC 8058's one-click unsubscribe, which mail clients send with the body {@code List-Unsubscribe=One-Click}.
 */
@Path("/mail")
@PermitAll
public class MailLinkResource {

    private static final Logger LOG = Logger.getLogger(MailLinkResource.class);
    private static final String ONE_CLICK = "One-Click";
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private final SubscriptionStore store;
    private final EmailLinks links;
    private final SubscriptionMailRenderer pages;
    private final Clock clock;

    MailLinkResource(SubscriptionStore store, EmailLinks links, SubscriptionMailRenderer pages, Clock clock) {
        this.store = store;
        this.links = links;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    @Path("/confirm/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response confirmPage(@PathParam("id") String id, @QueryParam("expires") long expires,
                                @QueryParam("token") String token) {
        Subscription subscription = confirmable(id, expires, token);
        return page(subscription.awaitingConfirmation() ? Page.CONFIRM : Page.CONFIRMED, subscription);
    }

    @POST
    @Path("/confirm/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@PathParam("id") String id, @QueryParam("expires") long expires,
                            @QueryParam("token") String token) {
        Subscription subscription = confirmable(id, expires, token);
        if (subscription.awaitingConfirmation()) {
            subscription = store.save(subscription.confirm(clock.instant()));
            LOG.infof("Confirmed %s", subscription);
        }
        return page(Page.CONFIRMED, subscription);
    }

    @GET
    @Path("/unsubscribe/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response unsubscribePage(@PathParam("id") String id, @QueryParam("token") String token) {
        return unsubscribable(id, token).map(subscription -> page(Page.UNSUBSCRIBE, subscription))
                .orElseGet(() -> page(Page.UNSUBSCRIBED, null));
    }

    /** Deletes the subscription; one already gone answers as if it had just been. */
    @POST
    @Path("/unsubscribe/{id}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.TEXT_HTML)
    public Response unsubscribe(@PathParam("id") String id, @QueryParam("token") String token,
                                @FormParam("List-Unsubscribe") String oneClick) {
        if (!ONE_CLICK.equals(oneClick)) {
            throw new ProblemException(Problem.of("not-one-click", "Not a one-click unsubscribe", 400,
                    "The body must be List-Unsubscribe=One-Click (RFC 8058).", "List-Unsubscribe"));
        }
        Optional<Subscription> subscription = unsubscribable(id, token);
        subscription.ifPresent(s -> {
            store.delete(s.id());
            LOG.infof("Unsubscribed %s through the link in its mail", s);
        });
        return page(Page.UNSUBSCRIBED, subscription.orElse(null));
    }

    /** The subscription the link confirms; an expired link still shows an address confirmed meanwhile. */
    private Subscription confirmable(String id, long expires, String token) {
        Subscription subscription = store.find(id).orElseThrow(MailLinkResource::invalidLink);
        EmailLinks.Check check = links.checkConfirmation(id, subscription.target(), expires, token);
        if (check == EmailLinks.Check.INVALID) {
            throw invalidLink();
        }
        if (check == EmailLinks.Check.EXPIRED && subscription.awaitingConfirmation()) {
            throw new ProblemException(Problem.of("link-expired", "The confirmation link has expired", 410,
                    "Ask for a new confirmation mail.", null));
        }
        return subscription;
    }

    /**
     * The subscription the link unsubscribes, if it is still there (a link followed twice unsubscribes once); a link
     * that was never valid, or names no subscription id at all, is 404.
     */
    private Optional<Subscription> unsubscribable(String id, String token) {
        if (!SUBSCRIPTION_ID.matcher(id).matches()) {
            throw invalidLink();
        }
        Optional<Subscription> subscription = store.find(id);
        if (subscription.isPresent() && !links.checkUnsubscribe(id, subscription.get().target(), token)) {
            throw invalidLink();
        }
        return subscription;
    }

    private Response page(Page kind, Subscription subscription) {
        Locale locale = subscription == null ? Locale.ENGLISH : subscription.locale();
        String address = subscription == null ? null : subscription.target();
        return Response.ok(pages.page(kind, address, locale))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "form-action 'self'; frame-ancestors 'none'")
                .build();
    }

    private static ProblemException invalidLink() {
        return new ProblemException(Problem.of("invalid-link", "The link is not valid", 404,
                "The link does not belong to a subscription here, or its address has changed since.", null));
    }
}
