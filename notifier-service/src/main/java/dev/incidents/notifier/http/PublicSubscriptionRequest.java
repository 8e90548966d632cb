package dev.incidents.notifier.http;

import dev.incidents.notifier.domain.Channel;

import java.util.Set;

/**
 * What a status page reader sends to subscribe: by email or webhook, to every public component or some (by id or
 * group), in a language and time zone. Nothing else: the audience is always PUBLIC and the roles of internal
 * channels (commander, escalation) cannot be asked for; unknown fields are refused.
 */
public record PublicSubscriptionRequest(Channel channel, String target, Set<String> components, Set<String> groups,
                                        String locale, String timeZone) {
}
