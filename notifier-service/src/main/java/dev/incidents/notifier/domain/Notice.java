package dev.incidents.notifier.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Something to tell subscribers: an event or a detection, with its incident or maintenance window as it stands
 * after it.
 * {@code sourceId} is the event or detection id; with a subscription id it makes the message id.
 */
public record Notice(String sourceId, MessageKind kind, NoticeSubject subject, Instant at, NoticeDetail detail) {

    public Notice {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }
}
