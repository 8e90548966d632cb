package dev.incidents.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The notifier's own keys where the project starts it (the local stack, tests, benchmarks): made at random once per
 * folder and kept there in a file only its owner may read, so a restarted notifier opens what it sealed before. A
 * real deployment gives its keys through its secret store instead.
 */
public final class NotifierKeys {

    static final String FILE = "notifier-keys.properties";
    private static final String KEY_ID = "local-1";
    private static final String SEALING_KEY = "sealing-key";
    private static final String LINK_KEY = "link-key";

    private NotifierKeys() {
    }

    /** The notifier settings ({@code key=value}) naming the keys kept in {@code folder}, made if missing. */
    public static List<String> settings(Path folder) throws IOException {
        Properties keys = load(folder.resolve(FILE));
        List<String> settings = new ArrayList<>();
        settings.add("incidents.secrets.active-key=" + KEY_ID);
        settings.add("incidents.secrets.keys." + KEY_ID + "=" + keys.getProperty(SEALING_KEY));
        settings.add("incidents.email.link-key=" + keys.getProperty(LINK_KEY));
        return settings;
    }

    private static Properties load(Path file) throws IOException {
        Properties keys = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                keys.load(in);
            }
        }
        boolean made = false;
        for (String name : new String[] {SEALING_KEY, LINK_KEY}) {
            if (keys.getProperty(name) == null) {
                keys.setProperty(name, randomKey());
                made = true;
            }
        }
        if (made) {
            write(file, keys);
        }
        return keys;
    }

    private static void write(Path file, Properties keys) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            keys.store(out, "The notifier's keys for this folder's stack; losing them loses the sealed secrets");
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
