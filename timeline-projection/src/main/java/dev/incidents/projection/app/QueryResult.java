package dev.incidents.projection.app;

/** Where an answer is: here, on another instance (which owns the key), nowhere, or not knowable right now. */
public sealed interface QueryResult<T> {

    record Found<T>(T value) implements QueryResult<T> {
    }

    record FoundRemotely<T>(String host, int port) implements QueryResult<T> {
    }

    record NotFound<T>() implements QueryResult<T> {
    }

    /** The stores are rebalancing or restoring; ask again shortly. */
    record Unavailable<T>() implements QueryResult<T> {
    }
}
