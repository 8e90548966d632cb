package dev.incidents.notifier.domain;

import java.util.Optional;

/** What a planner made of one happening: the brief of its incident or window after it, and the notice, if any. */
public record Planned<B extends NoticeSubject>(B brief, Optional<Notice> notice) {

    static <B extends NoticeSubject> Planned<B> silently(B brief) {
        return new Planned<>(brief, Optional.empty());
    }

    static <B extends NoticeSubject> Planned<B> telling(B brief, Notice notice) {
        return new Planned<>(brief, Optional.of(notice));
    }
}
