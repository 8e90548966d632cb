package dev.incidents.notifier.http;

import dev.incidents.notifier.app.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/**
 * CORS for the readers' sign-up only: a browser on one of the status page's origins may call the routes bound to it
 * (every answer, problems included, so the page can show why a sign-up was refused). Quarkus' own filter applies to
 * every route, where it also refuses the same-origin form POSTs of the confirm and unsubscribe pages (their
 * no-referrer policy makes the browser send {@code Origin: null}).
 */
@Provider
@StatusPageOrigins.Open
public class StatusPageOrigins implements ContainerResponseFilter {

    /** Marks the routes status page browsers may call. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Open {
    }

    static final String METHODS = "POST";
    static final String HEADERS = "Content-Type";
    static final String MAX_AGE_SECONDS = "3600";

    private final Allowed allowed;

    StatusPageOrigins(Allowed allowed) {
        this.allowed = allowed;
    }

    /**
     * The configured origins, in a bean of their own: the filter is made while the REST layer is deployed, before the
     * configuration can be read, so it reaches them through this bean's proxy when a request comes.
     */
    @ApplicationScoped
    public static class Allowed {

        private final Set<String> origins;

        Allowed(NotifierConfig config) {
            this.origins = Set.copyOf(config.statusPage().origins());
        }

        boolean allows(String origin) {
            return origin != null && origins.contains(origin);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.add("Vary", "Origin");
        String origin = request.getHeaderString("Origin");
        if (allowed.allows(origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
        }
    }
}
