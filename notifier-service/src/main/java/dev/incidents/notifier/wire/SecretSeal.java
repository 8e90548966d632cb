package dev.incidents.notifier.wire;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seals secrets before they are written to a topic (and so to every state store built from it): AES-GCM under the
 * active key, with the id of the key kept beside the sealed value so that keys can rotate; what one key sealed,
 * only that key opens. The owner's id is bound in as associated data, so a sealed value copied to another record
 * does not open.
 */
public final class SecretSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A secret as stored: the id of the key that sealed it and base64 of nonce and ciphertext. */
    public record Sealed(String keyId, String value) {
        @Override
        public String toString() {
            return "Sealed[key " + keyId + "]";
        }
    }

    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keys every key that may have sealed something still stored, by id, each base64 of 16, 24 or 32 bytes
     * @param activeKeyId the key that seals from now on; one of {@code keys}
     */
    public SecretSeal(String activeKeyId, Map<String, String> keys) {
        this.keys = new TreeMap<>();
        keys.forEach((id, encoded) -> this.keys.put(id, key(id, encoded)));
        if (!this.keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active sealing key '" + activeKeyId + "' is not among the keys "
                    + "configured (" + String.join(", ", this.keys.keySet()) + ")");
        }
        this.activeKeyId = activeKeyId;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Sealed seal(String secret, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, activeKeyId, nonce, owner,
                secret.getBytes(StandardCharsets.UTF_8));
        return new Sealed(activeKeyId, Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
    }

    /** The secret; an {@link IllegalStateException} naming the key if it is not configured or does not open it. */
    public String open(Sealed sealed, String owner) {
        if (!keys.containsKey(sealed.keyId())) {
            throw new IllegalStateException("A secret of " + owner + " is sealed with key '" + sealed.keyId()
                    + "', which is not configured (incidents.secrets.keys)");
        }
        byte[] all = Base64.getDecoder().decode(sealed.value());
        byte[] nonce = Arrays.copyOfRange(all, 0, NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, sealed.keyId(), nonce, owner, ciphertext), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, String keyId, byte[] nonce, String owner, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A secret of " + owner + " does not open with key '" + keyId
                    + "': the key differs from the one that sealed it, or the record was altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static SecretKeySpec key(String id, String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Sealing key '" + id + "' is not base64", e);
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException("Sealing key '" + id + "' has " + bytes.length
                    + " bytes; AES takes 16, 24 or 32");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
