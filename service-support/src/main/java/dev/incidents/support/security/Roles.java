package dev.incidents.support.security;

/**
 * The role names the services check, fixed so that operators can map them in their identity provider. A service
 * never relies on the provider nesting one role in another: each route lists every role that may use it.
 */
public final class Roles {

    /** Reads states, timelines, the live stream, reports and deliveries; the dashboard. */
    public static final String VIEWER = "incident-viewer";
    /** Viewer, plus posts updates and links customer reports. */
    public static final String RESPONDER = "incident-responder";
    /** Responder, plus declares, changes severity, resolves, reopens and publishes the RCA. */
    public static final String COMMANDER = "incident-commander";
    /** A machine: declares, posts INTERNAL updates, links customer reports. */
    public static final String EMITTER = "incident-emitter";
    /** Manages subscriptions and redelivers messages. */
    public static final String NOTIFIER_ADMIN = "notifier-admin";
    /**
     * Another instance of the timeline projection (a machine): reads incidents and may ask an instance for its own
     * part only. Not one of the roles people get.
     */
    public static final String PEER = "incident-peer";
    /** Everything. */
    public static final String ADMIN = "incident-admin";

    private Roles() {
    }
}
