package bookstore.user.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
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
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of RSA private keys, one PKCS#8 PEM file per key, named {@code <kid>.pem}. Locally the
 * service creates the folder and its first key; on Kubernetes it is a mounted Secret, which an
 * operator updates to rotate keys. Either way the service reads it the same way.
 *
 * <p>A file {@code active-kid} may name the key that signs; without it the key whose kid sorts
 * last signs, so naming keys by date (as generated keys are) makes the newest one active.
 */
final class KeyDirectory {

    static final String ACTIVE_KID_FILE = "active-kid";

    private static final String PEM_SUFFIX = ".pem";
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final DateTimeFormatter KID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int KEY_SIZE = 2048;

    private final Path folder;

    KeyDirectory(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** Every key in the folder, sorted by kid. */
    List<RSAKey> keys() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(KeyDirectory::isKeyFile)
                    .map(KeyDirectory::read)
                    .sorted(Comparator.comparing(RSAKey::getKeyID))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list signing keys in " + folder, e);
        }
    }

    Optional<String> activeKid() {
        Path file = folder.resolve(ACTIVE_KID_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String kid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return kid.isEmpty() ? Optional.empty() : Optional.of(kid);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Creates a key named after the current time, readable by this user only. */
    RSAKey generate(Clock clock) {
        String kid = KID_TIME.format(clock.instant());
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            RSAPrivateCrtKey privateKey =
                    (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            Files.createDirectories(folder);
            Path target = folder.resolve(kid + PEM_SUFFIX);
            Path temporary = Files.createTempFile(folder, ".new-key", ".tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, pem(privateKey.getEncoded()), StandardCharsets.US_ASCII);
            moveIntoPlace(temporary, target);
            return read(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a signing key into " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot generate RSA keys", e);
        }
    }

    private static boolean isKeyFile(Path file) {
        String name = file.getFileName().toString();
        // Kubernetes mounts a Secret as symlinks next to hidden "..data" folders: skip those.
        return name.endsWith(PEM_SUFFIX) && !name.startsWith(".") && Files.isRegularFile(file);
    }

    static RSAKey read(Path file) {
        String name = file.getFileName().toString();
        String kid = name.substring(0, name.length() - PEM_SUFFIX.length());
        if (!KID.matcher(kid).matches()) {
            throw new IllegalStateException(
                    "Signing key file " + file + " must be named <kid>.pem, kid matching " + KID);
        }
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalStateException("Signing key " + file
                        + " is not a PKCS#8 PEM private key (convert with: openssl pkcs8 -topk8 -nocrypt)");
            }
            String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
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
            throw new UncheckedIOException("Cannot read signing key " + file, e);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("Signing key " + file + " is not a valid RSA private key", e);
        }
    }

    static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        if (Files.exists(target)) {
            Files.delete(temporary);
            throw new FileAlreadyExistsException(target.toString());
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
    }
}
