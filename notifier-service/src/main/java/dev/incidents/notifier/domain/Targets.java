package dev.incidents.notifier.domain;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * How a subscription's target shows where it must not be read whole: a chat tool's webhook URL is a credential
 * (whoever holds it can post to the channel), an email address is personal data. Answers show a chat URL masked
 * after its host; logs show only where a message goes, never a path or an address.
 */
public final class Targets {

    private static final int SHOWN_TAIL = 4;

    private Targets() {
    }

    /**
     * The target as answers show it: a chat webhook URL (Slack, Teams, Discord) as its origin, "/…" and its last
     * four characters, such as "https://hooks.slack.com/…wxyz".
     */
    public static String shown(Channel channel, String target) {
        if (channel == null || !channel.chat() || target == null) {
            return target;
        }
        String tail = target.length() > SHOWN_TAIL ? target.substring(target.length() - SHOWN_TAIL) : "";
        return origin(target) + "/…" + tail;
    }

    /** The target as logs show it: a host, or "an email address". */
    public static String logged(Channel channel, String target) {
        if (channel == Channel.EMAIL) {
            return "an email address";
        }
        return target == null ? "no target" : origin(target);
    }

    private static String origin(String target) {
        try {
            URI uri = new URI(target.strip());
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (URISyntaxException e) {
            return "an unreadable URL";
        }
    }
}
