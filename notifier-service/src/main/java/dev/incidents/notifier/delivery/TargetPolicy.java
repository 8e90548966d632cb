package dev.incidents.notifier.delivery;

import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.SubscriptionSpec;
import dev.incidents.notifier.domain.Violation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The network rules a subscription's target must meet when it is saved: a webhook's host must not be an internal
 * address the {@link NetworkPolicy} refuses (names are judged again at every connection, once resolved), and a
 * Slack target must be an https URL on Slack's webhook host unless it points into an allowed network.
 */
public final class TargetPolicy {

    private final NetworkPolicy network;
    private final List<String> slackHosts;

    public TargetPolicy(NetworkPolicy network, List<String> slackHosts) {
        this.network = network;
        this.slackHosts = slackHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
    }

    /** Why the target may not be saved; empty when it may (other rules of the target are the domain's). */
    public Optional<Violation> check(SubscriptionSpec spec) {
        if (spec.channel() == null || spec.channel() == Channel.EMAIL || spec.target() == null) {
            return Optional.empty();
        }
        String host;
        String scheme;
        try {
            URI uri = new URI(spec.target().strip());
            host = uri.getHost();
            scheme = uri.getScheme();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (host == null) {
            return Optional.empty();
        }
        Optional<String> refused = network.refusalOf(host);
        if (refused.isPresent()) {
            return Optional.of(new Violation("target", "target is " + refused.get() + " (internal addresses are "
                    + "refused unless incidents.delivery.allowed-networks lists them)."));
        }
        boolean slackHost = "https".equalsIgnoreCase(scheme) && slackHosts.contains(host.toLowerCase(Locale.ROOT));
        if (spec.channel() == Channel.SLACK && !slackHost && !isAllowedAddress(host)) {
            return Optional.of(new Violation("target", "A SLACK target is an https URL on " + String.join(" or ",
                    slackHosts) + " (incidents.delivery.slack-hosts)."));
        }
        return Optional.empty();
    }

    /** An address literal or localhost that the policy permits: only an allowed network makes that so. */
    private boolean isAllowedAddress(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return (bare.equalsIgnoreCase("localhost") || NetworkPolicy.literal(bare).isPresent())
                && network.refusalOf(host).isEmpty();
    }
}
