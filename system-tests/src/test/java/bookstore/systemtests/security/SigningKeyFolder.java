package bookstore.systemtests.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * user-service's signing-key folder as an operator holds it: one RSA private key per PKCS#8 PEM file named
 * {@code <kid>.pem}, and optionally a file {@code active-kid} naming the key that signs (without it, the kid that sorts
 * last signs). The tests read the shop's real keys from here to forge tokens that differ from genuine ones in one
 * claim only, and rotate keys by adding one.
 */
final class SigningKeyFolder {

    static final String ACTIVE_KID = "active-kid";

    private static final String PEM_SUFFIX = ".pem";

    private final Path folder;

    SigningKeyFolder(Path folder) {
        this.folder = folder;
    }

    /** The kids of the keys in the folder, sorted as user-service sorts them. */
    List<String> kids() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(PEM_SUFFIX) && !name.startsWith("."))
                    .map(name -> name.substring(0, name.length() - PEM_SUFFIX.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    Optional<String> activeKid() {
        Path file = folder.resolve(ACTIVE_KID);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip())
                    .filter(kid -> !kid.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key pair stored as {@code <kid>.pem}, private half included. */
    RSAKey key(String kid) {
        Path file = folder.resolve(kid + PEM_SUFFIX);
        try {
            String base64 = Files.readString(file, StandardCharsets.US_ASCII)
                    .replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey)
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " is not an RSA private key", e);
        }
    }

    /**
     * Generates an RSA 2048 key and puts it into the folder as {@code <kid>.pem}, readable by its owner only. The file
     * appears at once and whole (written beside it under a hidden name, then moved), so user-service, which re-reads
     * the folder every second here, never reads half a key.
     */
    void add(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            writeAtomically(kid + PEM_SUFFIX, pem(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot generate RSA keys", e);
        }
    }

    /** Names the key that signs from now on. */
    void activate(String kid) {
        writeAtomically(ACTIVE_KID, kid + "\n");
    }

    private void writeAtomically(String name, String content) {
        Path target = folder.resolve(name);
        try {
            Path temporary = Files.createTempFile(folder, ".system-test-", ".tmp");
            if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }
}
