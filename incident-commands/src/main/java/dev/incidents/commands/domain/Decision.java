package dev.incidents.commands.domain;

import java.util.List;

/**
 * The outcome of deciding one command: the events it causes, or why it was refused.
 *
 * @param <E> the events of the aggregate decided (an incident's or a maintenance window's)
 */
public sealed interface Decision<E> {

    record Accepted<E>(List<E> events) implements Decision<E> {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected<E>(Rejection rejection) implements Decision<E> {
    }

    @SafeVarargs
    static <E> Decision<E> accept(E... events) {
        return new Accepted<>(List.of(events));
    }

    static <E> Decision<E> reject(Rejection rejection) {
        return new Rejected<>(rejection);
    }
}
