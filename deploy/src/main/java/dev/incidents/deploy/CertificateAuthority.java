package dev.incidents.deploy;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private certificate authority for clusters started on this machine (tests, the cluster test): it issues each
 * broker a certificate for its addresses, and one trust store trusts them all, as a cluster CA does in production
 * (Strimzi's, for one). Made with the JDK's {@code keytool}, in PKCS12 stores that Kafka, Quarkus and the registry
 * client all read.
 */
public final class CertificateAuthority {

    private static final String CA = "incidents-ca";
    private static final String VALIDITY_DAYS = "30";

    private final Path dir;
    private final String password;

    private CertificateAuthority(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    /** A new authority in {@code dir}; every store it writes there uses {@code password}. */
    public static CertificateAuthority create(Path dir, String password) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        CertificateAuthority authority = new CertificateAuthority(dir, password);
        authority.keytool("-genkeypair", "-alias", CA, "-dname", "CN=" + CA, "-ext", "bc:c", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", VALIDITY_DAYS, "-keystore", authority.caStore().toString(),
                "-storetype", "PKCS12", "-storepass", password);
        authority.keytool("-exportcert", "-rfc", "-alias", CA, "-keystore", authority.caStore().toString(),
                "-storepass", password, "-file", authority.caCertificate().toString());
        authority.keytool("-importcert", "-noprompt", "-alias", CA, "-file", authority.caCertificate().toString(),
                "-keystore", authority.truststore().toString(), "-storetype", "PKCS12", "-storepass", password);
        return authority;
    }

    /**
     * A key store holding a new key for {@code name} and its certificate, signed by this authority, valid for the
     * given IP addresses.
     */
    public Path issue(String name, List<String> ipAddresses) throws IOException, InterruptedException {
        Path store = dir.resolve(name + ".p12");
        Path request = dir.resolve(name + ".csr");
        Path certificate = dir.resolve(name + ".crt");
        keytool("-genkeypair", "-alias", name, "-dname", "CN=" + name, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", VALIDITY_DAYS, "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", password);
        keytool("-certreq", "-alias", name, "-keystore", store.toString(), "-storepass", password,
                "-file", request.toString());
        keytool("-gencert", "-rfc", "-alias", CA, "-keystore", caStore().toString(), "-storepass", password,
                "-infile", request.toString(), "-outfile", certificate.toString(), "-validity", VALIDITY_DAYS,
                "-ext", "SAN=" + String.join(",", ipAddresses.stream().map(ip -> "ip:" + ip).toList()));
        keytool("-importcert", "-noprompt", "-alias", CA, "-file", caCertificate().toString(),
                "-keystore", store.toString(), "-storepass", password);
        keytool("-importcert", "-alias", name, "-file", certificate.toString(), "-keystore", store.toString(),
                "-storepass", password);
        return store;
    }

    /** The trust store (PKCS12) that trusts every certificate this authority issued. */
    public Path truststore() {
        return dir.resolve("truststore.p12");
    }

    /** TLS that trusts what this authority issued, for HTTP clients of servers it certified (the registry). */
    public SSLContext sslContext() {
        return trusting(truststore(), password, "PKCS12");
    }

    /** TLS that trusts the certificates of a trust store (JKS or PKCS12). */
    public static SSLContext trusting(Path truststore, String password, String type) {
        try (InputStream in = Files.newInputStream(truststore)) {
            KeyStore trusted = KeyStore.getInstance(type);
            trusted.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the trust store " + truststore, e);
        }
    }

    /** The authority's own certificate (PEM). */
    private Path caCertificate() {
        return dir.resolve(CA + ".crt");
    }

    public String password() {
        return password;
    }

    private Path caStore() {
        return dir.resolve(CA + ".p12");
    }

    private void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Path output = dir.resolve("keytool.log");
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            keytool.destroyForcibly();
            throw new IllegalStateException("keytool " + arguments[0] + " failed; see " + output);
        }
    }
}
