package dev.incidents.notifier.http;

import dev.incidents.notifier.app.ConfirmationRequests;
import dev.incidents.notifier.app.NotifierConfig;
import dev.incidents.notifier.app.SubscriptionStore;
import dev.incidents.notifier.delivery.TargetPolicy;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.domain.SubscriptionRules;
import dev.incidents.notifier.domain.SubscriptionSpec;
import dev.incidents.notifier.domain.Violation;
import dev.incidents.support.catalog.CatalogEntry;
import dev.incidents.support.catalog.FollowedCatalog;
import dev.incidents.support.http.Problem;
import dev.incidents.support.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks and stores a subscription, whoever asks: an administrator through /subscriptions or a status page reader
 * through /public/subscriptions. The rules, the network policy for targets, the catalog's components and groups and
 * the room left are the same for both; an email address is asked to confirm before anything else is sent to it.
 */
@ApplicationScoped
public class SubscriptionSignUps {

    private static final Logger LOG = Logger.getLogger(SubscriptionSignUps.class);

    private final SubscriptionStore store;
    private final TargetPolicy targets;
    private final ConfirmationRequests confirmations;
    private final FollowedCatalog catalog;
    private final Clock clock;
    private final int maxSubscriptions;
    private final int maxComponents;

    SubscriptionSignUps(SubscriptionStore store, TargetPolicy targets, ConfirmationRequests confirmations,
                        FollowedCatalog catalog, Clock clock, NotifierConfig config) {
        this.store = store;
        this.targets = targets;
        this.confirmations = confirmations;
        this.catalog = catalog;
        this.clock = clock;
        this.maxSubscriptions = config.maxSubscriptions();
        this.maxComponents = config.maxComponentsPerSubscription();
    }

    /** Stored once valid and while there is room (409 otherwise); an email address is then asked to confirm. */
    Subscription create(SubscriptionSpec spec) {
        valid(spec, true);
        SubscriptionRules.roomForOneMore(store.count(), maxSubscriptions).ifPresent(full -> {
            throw new ProblemException(Problem.of("subscription-limit", "Too many subscriptions", 409, full,
                    null));
        });
        Subscription created = store.save(Subscription.create(UUID.randomUUID().toString(), spec, clock.instant()));
        LOG.infof("Created %s", created);
        requestConfirmation(created);
        return created;
    }

    /** The spec, when every rule holds; else a 422 listing every violation. */
    SubscriptionSpec valid(SubscriptionSpec spec, boolean creating) {
        List<Violation> violations = new ArrayList<>(SubscriptionRules.check(spec, creating, maxComponents));
        targets.check(spec).ifPresent(violations::add);
        if (violations.isEmpty() && !(spec.components().isEmpty() && spec.groups().isEmpty())) {
            List<CatalogEntry> inUse = catalog.all().stream().filter(entry -> !entry.retired()).toList();
            violations.addAll(SubscriptionRules.checkCatalogChoices(spec,
                    inUse.stream().map(CatalogEntry::id).collect(Collectors.toSet()),
                    inUse.stream().map(CatalogEntry::group).filter(Objects::nonNull).collect(Collectors.toSet())));
        }
        if (!violations.isEmpty()) {
            throw new Problems.InvalidSubscriptionException(violations);
        }
        return spec;
    }

    void requestConfirmation(Subscription subscription) {
        if (subscription.awaitingConfirmation()) {
            confirmations.request(subscription);
            LOG.infof("Asked to confirm the address of %s", subscription);
        }
    }
}
