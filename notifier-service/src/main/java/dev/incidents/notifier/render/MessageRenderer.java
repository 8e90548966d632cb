package dev.incidents.notifier.render;

import dev.incidents.notifier.domain.Notice;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.util.Locale;

/** Writes a notice for one reader, in their language and time zone: a subject, a plain-text and an HTML body. */
@ApplicationScoped
public class MessageRenderer implements NoticeRenderer {

    private final Template subject;
    private final Template text;
    private final Template html;

    MessageRenderer(@Location("subject.txt") Template subject, @Location("body.txt") Template text,
                    @Location("body.html") Template html) {
        this.subject = subject;
        this.text = text;
        this.html = html;
    }

    @Override
    public Rendered render(Notice notice, Locale locale, ZoneId zone) {
        NoticeView view = NoticeView.of(notice, locale, zone);
        return new Rendered(render(subject, view, locale).strip(), render(text, view, locale).strip() + "\n",
                render(html, view, locale));
    }

    private static String render(Template template, NoticeView view, Locale locale) {
        return template.data("view", view).setLocale(locale).render();
    }
}
