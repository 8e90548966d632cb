package dev.incidents.notifier.render;

import dev.incidents.notifier.domain.Notice;

import java.time.ZoneId;
import java.util.Locale;

/** Writes a notice for one reader; the planner needs only this, so its tests can write plainly. */
@FunctionalInterface
public interface NoticeRenderer {

    /** A message ready for any channel: subject, plain text, HTML. */
    record Rendered(String subject, String text, String html) {
    }

    Rendered render(Notice notice, Locale locale, ZoneId zone);
}
