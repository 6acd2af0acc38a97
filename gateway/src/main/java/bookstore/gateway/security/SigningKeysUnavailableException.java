package bookstore.gateway.security;

/**
 * No token can be checked: user-service's public keys could not be downloaded, and none were known before. The caller
 * is not at fault, so this is answered as the identity service being unavailable, not as a bad token.
 */
public class SigningKeysUnavailableException extends RuntimeException {

    SigningKeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
