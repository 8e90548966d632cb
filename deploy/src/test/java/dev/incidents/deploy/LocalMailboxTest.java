package dev.incidents.deploy;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack's mail server keeps each mail it gets and announces it with the links a reader would follow. */
class LocalMailboxTest {

    @Test
    void a_mail_received_is_kept_as_eml_and_announced_with_its_links(@TempDir Path folder) throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        int port = ManagedProcess.freePort();
        try (LocalMailbox mailbox = LocalMailbox.start(port, folder, said::add)) {
            GreenMailUtil.sendTextEmail("reader@example.com", "status@example.com", "Confirm your subscription",
                    "Confirm: http://127.0.0.1:8083/mail/confirm/abc.def\nNot you? Ignore this mail.",
                    new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

            // the mailbox looks for new mail every second
            long until = System.nanoTime() + 10_000_000_000L;
            while (said.size() < 2 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
        }

        assertThat(said).containsExactly(
                "Mail to reader@example.com: \"Confirm your subscription\" (" + folder.resolve("0001.eml") + ")",
                "    http://127.0.0.1:8083/mail/confirm/abc.def");
        assertThat(Files.readString(folder.resolve("0001.eml"))).contains("Subject: Confirm your subscription");
    }
}
