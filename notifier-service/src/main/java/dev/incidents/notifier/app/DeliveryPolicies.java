package dev.incidents.notifier.app;

import dev.incidents.notifier.delivery.NetworkPolicy;
import dev.incidents.notifier.delivery.TargetPolicy;
import dev.incidents.notifier.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Where deliveries may go, from {@code incidents.delivery.*}: one policy for saving targets and for connecting. */
@ApplicationScoped
public class DeliveryPolicies {

    @Produces
    @Singleton
    NetworkPolicy networkPolicy(NotifierConfig config) {
        return NetworkPolicy.allowing(config.delivery().allowedNetworks().orElse(List.of()));
    }

    @Produces
    @Singleton
    TargetPolicy targetPolicy(NetworkPolicy network, NotifierConfig config) {
        NotifierConfig.Delivery delivery = config.delivery();
        return new TargetPolicy(network, Map.of(Channel.SLACK, delivery.slackHosts(),
                Channel.TEAMS, delivery.teamsHosts(), Channel.DISCORD, delivery.discordHosts()));
    }
}
