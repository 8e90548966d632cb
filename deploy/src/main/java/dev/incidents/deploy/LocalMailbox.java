package dev.incidents.deploy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The local stack's mail server: GreenMail takes what the notifier sends over SMTP on loopback, keeps each mail as
 * an .eml file in the data folder and announces it with its links, so that a reader's confirmation or unsubscribe
 * can be followed without a mail client. Nothing leaves the machine.
 */
final class LocalMailbox implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

    private final GreenMail server;
    private final Path folder;
    private final Consumer<String> say;
    private final ScheduledExecutorService watcher;
    private int announced;

    private LocalMailbox(GreenMail server, Path folder, Consumer<String> say) {
        this.server = server;
        this.folder = folder;
        this.say = say;
        this.watcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("local-mailbox")
                .daemon().factory());
    }

    /** Listens for SMTP on 127.0.0.1:{@code port}; each mail received is saved under {@code folder}. */
    static LocalMailbox start(int port, Path folder, Consumer<String> say) throws IOException {
        Files.createDirectories(folder);
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        LocalMailbox mailbox = new LocalMailbox(server, folder, say);
        mailbox.watcher.scheduleWithFixedDelay(mailbox::announceNew, 1, 1, TimeUnit.SECONDS);
        return mailbox;
    }

    String address() {
        return "smtp://127.0.0.1:" + server.getSmtp().getPort();
    }

    private synchronized void announceNew() {
        MimeMessage[] received = server.getReceivedMessages();
        for (; announced < received.length; announced++) {
            try {
                announce(received[announced], announced + 1);
            } catch (MessagingException | IOException e) {
                say.accept("Mail " + (announced + 1) + " could not be kept: " + e.getMessage());
            }
        }
    }

    private void announce(MimeMessage mail, int number) throws MessagingException, IOException {
        Path file = folder.resolve("%04d.eml".formatted(number));
        try (OutputStream out = Files.newOutputStream(file)) {
            mail.writeTo(out);
        }
        List<String> links = LINK.matcher(plainText(mail)).results().map(match -> match.group()).distinct().toList();
        say.accept("Mail to " + String.join(", ", mail.getHeader("To", ", ")) + ": \"" + mail.getSubject()
                + "\" (" + file + ")");
        links.forEach(link -> say.accept("    " + link));
    }

    /** The mail's text/plain part, where its links are written as they are. */
    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart body = parts.getBodyPart(i);
                text.append(plainText(body));
            }
            return text.toString();
        }
        return "";
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        server.stop();
    }

    @Override
    public String toString() {
        return "mailbox " + address();
    }

}
