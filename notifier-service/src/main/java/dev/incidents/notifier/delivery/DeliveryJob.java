package dev.incidents.notifier.delivery;

/**
 * One message to deliver to one destination, and how many attempts it has had. {@code destination} groups the
 * jobs that share a receiver (the subscription id), which bounds what is in flight there.
 */
public record DeliveryJob<M>(String messageId, String destination, M message, int attemptsMade) {

    DeliveryJob<M> afterAnotherAttempt() {
        return new DeliveryJob<>(messageId, destination, message, attemptsMade + 1);
    }
}
