package dev.incidents.notifier.delivery;

import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.notifier.app.NotifierConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends a written message as an email with a plain-text and an HTML part over SMTP (the Quarkus mailer). Its
 * Message-ID is derived from the message id, the same on every retry, so mail clients and filters can drop repeats.
 */
@ApplicationScoped
public class EmailSender {

    private final ReactiveMailer mailer;
    private final String from;

    EmailSender(ReactiveMailer mailer, NotifierConfig config) {
        this.mailer = mailer;
        this.from = config.delivery().emailFrom();
    }

    public Uni<Void> send(OutboundMessage message, String address) {
        Mail mail = Mail.withText(address, message.getSubject(), message.getText())
                .setHtml(message.getHtml())
                .setFrom(from)
                .addHeader("Message-ID", messageId(message));
        return mailer.send(mail);
    }

    static String messageId(OutboundMessage message) {
        return "<" + message.getMessageId() + "@incident-timeline>";
    }
}
