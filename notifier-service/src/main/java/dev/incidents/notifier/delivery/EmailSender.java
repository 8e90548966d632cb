package dev.incidents.notifier.delivery;

import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.notifier.app.NotifierConfig;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.render.SubscriptionMailRenderer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Locale;

/**
 * Sends a written message as an email with a plain-text and an HTML part over SMTP (the Quarkus mailer). Its
 * Message-ID is derived from the message id, the same on every retry, so mail clients and filters can drop repeats.
 * Every mail can be unsubscribed from in one click without signing in: RFC 8058's List-Unsubscribe and
 * List-Unsubscribe-Post headers, and the same link at its foot.
 */
@ApplicationScoped
public class EmailSender {

    private final ReactiveMailer mailer;
    private final String from;
    private final EmailLinks links;
    private final SubscriptionMailRenderer renderer;

    EmailSender(ReactiveMailer mailer, NotifierConfig config, EmailLinks links, SubscriptionMailRenderer renderer) {
        this.mailer = mailer;
        this.from = config.delivery().emailFrom();
        this.links = links;
        this.renderer = renderer;
    }

    public Uni<Void> send(OutboundMessage message, Subscription subscription) {
        URI unsubscribe = links.unsubscribe(subscription.id(), subscription.target());
        SubscriptionMailRenderer.Footer footer = renderer.footer(unsubscribe,
                Locale.forLanguageTag(message.getLocale()));
        Mail mail = Mail.withText(subscription.target(), message.getSubject(),
                        message.getText() + "\n" + footer.text())
                .setHtml(withFooter(message.getHtml(), footer.html()))
                .setFrom(from)
                .addHeader("Message-ID", messageId(message))
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return mailer.send(mail);
    }

    static String messageId(OutboundMessage message) {
        return "<" + message.getMessageId() + "@incident-timeline>";
    }

    private static String withFooter(String html, String footer) {
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + footer : html.substring(0, end) + footer + html.substring(end);
    }
}
