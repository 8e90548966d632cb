package dev.incidents.notifier.render;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Writes what the notifier says about a subscription itself, in its reader's language: the request to confirm an
 * email address, the unsubscribe footer of every mail, and the pages the links in mail open.
 */
@ApplicationScoped
public class SubscriptionMailRenderer {

    /** The pages the links in mail open. */
    public enum Page { CONFIRM, CONFIRMED, UNSUBSCRIBE, UNSUBSCRIBED }

    public record ConfirmationView(String languageTag, String address, String link, String expires) {
    }

    public record FooterView(String link) {
    }

    public record PageView(String languageTag, String kind, String address) {
    }

    /** Text to add to a mail's two parts. */
    public record Footer(String text, String html) {
    }

    private final Template subject;
    private final Template text;
    private final Template html;
    private final Template footerText;
    private final Template footerHtml;
    private final Template page;

    SubscriptionMailRenderer(@Location("confirm-subject.txt") Template subject, @Location("confirm.txt") Template text,
                             @Location("confirm.html") Template html, @Location("footer.txt") Template footerText,
                             @Location("footer.html") Template footerHtml, @Location("mail-page.html") Template page) {
        this.subject = subject;
        this.text = text;
        this.html = html;
        this.footerText = footerText;
        this.footerHtml = footerHtml;
        this.page = page;
    }

    public NoticeRenderer.Rendered confirmation(String address, URI link, Instant expiresAt, Locale locale,
                                                ZoneId zone) {
        String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(expiresAt);
        ConfirmationView view = new ConfirmationView(locale.toLanguageTag(), address, link.toString(), expires);
        return new NoticeRenderer.Rendered(render(subject, view, locale).strip(),
                render(text, view, locale).strip() + "\n", render(html, view, locale));
    }

    public Footer footer(URI unsubscribe, Locale locale) {
        FooterView view = new FooterView(unsubscribe.toString());
        return new Footer(render(footerText, view, locale), render(footerHtml, view, locale));
    }

    /** A page; the ones that ask have a button that posts to the page's own address, token included. */
    public String page(Page kind, String address, Locale locale) {
        return render(page, new PageView(locale.toLanguageTag(), kind.name(), address), locale);
    }

    private static String render(Template template, Object view, Locale locale) {
        return template.data(view instanceof PageView ? "page" : "view", view).setLocale(locale).render();
    }
}
