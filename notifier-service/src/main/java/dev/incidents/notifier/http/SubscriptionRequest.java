package dev.incidents.notifier.http;

import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.MessageKind;
import dev.incidents.notifier.domain.Severity;
import dev.incidents.notifier.domain.SubscriptionSpec;

import java.util.List;
import java.util.Set;

/** The JSON body of POST and PUT /subscriptions; unknown fields are refused. */
public record SubscriptionRequest(Channel channel, String target, Audience audience, Set<Severity> severities,
                                  Set<String> components, Set<String> groups, Set<MessageKind> messageKinds,
                                  String locale,
                                  String timeZone, String commander, Integer escalationLevel, List<String> secrets) {

    SubscriptionSpec toSpec() {
        return new SubscriptionSpec(channel, target, audience, severities, components, groups, messageKinds, locale,
                timeZone, commander, escalationLevel, secrets);
    }

    @Override
    public String toString() {
        return toSpec().toString();
    }
}
