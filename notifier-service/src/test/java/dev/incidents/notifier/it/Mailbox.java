package dev.incidents.notifier.it;

import com.icegreen.greenmail.util.GreenMail;
import dev.incidents.testing.Await;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a GreenMail server received, read as a recipient would: by address, subject, decoded text. */
final class Mailbox {

    private Mailbox() {
    }

    /** The first mail to the address whose subject starts so, waited for up to 20 s. */
    static MimeMessage await(GreenMail server, String address, String subjectStart) {
        return Await.until("a mail to " + address + " titled " + subjectStart + "…", Duration.ofSeconds(20),
                () -> to(server, address).stream().filter(m -> subject(m).startsWith(subjectStart)).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    static List<MimeMessage> to(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name)[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every text part, decoded, one after the other. */
    static String text(MimeMessage message) {
        try {
            return collect(message.getContent());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("The mail's body could not be read", e);
        }
    }

    private static String collect(Object content) throws IOException, MessagingException {
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(collect(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }
}
