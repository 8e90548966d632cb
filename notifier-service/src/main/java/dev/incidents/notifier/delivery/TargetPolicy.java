package dev.incidents.notifier.delivery;

import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.SubscriptionSpec;
import dev.incidents.notifier.domain.Violation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The network rules a subscription's target must meet when it is saved: a webhook's host must not be an internal
 * address the {@link NetworkPolicy} refuses (names are judged again at every connection, once resolved), and a
 * chat tool's target (Slack, Teams, Discord) must be an https URL on one of that tool's webhook hosts unless it
 * points into an allowed network. A host written with a leading dot (".webhook.office.com") stands for its
 * subdomains.
 */
public final class TargetPolicy {

    private final NetworkPolicy network;
    private final Map<Channel, List<String>> chatHosts;

    /** @param chatHosts for each chat channel, the hosts its targets may name and the setting that lists them */
    public TargetPolicy(NetworkPolicy network, Map<Channel, List<String>> chatHosts) {
        this.network = network;
        this.chatHosts = Map.copyOf(chatHosts);
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
        if (spec.channel().chat() && !("https".equalsIgnoreCase(scheme) && isChatHost(spec.channel(), host))
                && !isAllowedAddress(host)) {
            String setting = "incidents.delivery." + spec.channel().name().toLowerCase(Locale.ROOT) + "-hosts";
            return Optional.of(new Violation("target", "A " + spec.channel() + " target is an https URL on "
                    + String.join(" or ", hosts(spec.channel())) + " (" + setting + ")."));
        }
        return Optional.empty();
    }

    private boolean isChatHost(Channel channel, String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return hosts(channel).stream().map(allowed -> allowed.toLowerCase(Locale.ROOT)).anyMatch(allowed ->
                allowed.startsWith(".") ? name.endsWith(allowed) && name.length() > allowed.length()
                        : name.equals(allowed));
    }

    private List<String> hosts(Channel channel) {
        return chatHosts.getOrDefault(channel, List.of());
    }

    /** An address literal or localhost that the policy permits: only an allowed network makes that so. */
    private boolean isAllowedAddress(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return (bare.equalsIgnoreCase("localhost") || NetworkPolicy.literal(bare).isPresent())
                && network.refusalOf(host).isEmpty();
    }
}
