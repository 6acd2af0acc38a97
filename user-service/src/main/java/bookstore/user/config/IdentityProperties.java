package bookstore.user.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How user-service keeps credentials and issues tokens.
 *
 * @param keysDir the folder of signing keys: {@code .local-data/keys} locally, a mounted Secret on
 *     Kubernetes
 * @param generateKeysIfMissing create the first key when the folder has none; off where keys must
 *     come from a Secret
 * @param keysReloadInterval how often the folder is re-read, so rotated keys need no restart
 * @param accessTokenLifetime short: access tokens cannot be revoked, they expire
 * @param refreshTokenLifetime how long a session may stay unused before its owner logs in again
 * @param passwordMinLength the shortest password the policy accepts
 * @param trustedProxies addresses (CIDR) whose {@code X-Forwarded-For} is believed: the gateway's
 *     and the cluster's
 * @param verificationTokenLifetime how long a link to verify an address works
 * @param resetTokenLifetime how long a password reset link works: short, it is as good as the password
 * @param mailRequests how many mails with links people may ask for
 */
@ConfigurationProperties("bookstore.identity")
record IdentityProperties(
        Path keysDir,
        @DefaultValue("true") boolean generateKeysIfMissing,
        @DefaultValue("60s") Duration keysReloadInterval,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("7d") Duration refreshTokenLifetime,
        @DefaultValue("10") int passwordMinLength,

        @DefaultValue({"127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"})
        List<String> trustedProxies,

        @DefaultValue LoginThrottle loginThrottle,
        @DefaultValue("24h") Duration verificationTokenLifetime,
        @DefaultValue("30m") Duration resetTokenLifetime,
        @DefaultValue MailRequests mailRequests,
        @DefaultValue Admin admin) {

    /**
     * Quotas on requests that send mail, so nobody floods an inbox or probes addresses by the
     * thousand; each counted in fixed windows.
     *
     * @param resetsPerAddress password reset requests per address (known or not) in a window
     * @param resetsPerClient password reset requests per client address in a window
     * @param verificationsPerAccount verification links (resent, or for a new address) per account in a window
     * @param window the length of a window
     */
    record MailRequests(
            @DefaultValue("3") int resetsPerAddress,
            @DefaultValue("10") int resetsPerClient,
            @DefaultValue("3") int verificationsPerAccount,
            @DefaultValue("15m") Duration window) {}

    /**
     * Failed-login back-off.
     *
     * @param accountFreeFailures failures in a row on one account before it must wait
     * @param addressFreeFailures failures in a row from one address (across accounts) before it must
     *     wait; higher, because many people can share an address
     * @param firstWait the first wait, doubled with every further failure
     * @param longestWait the ceiling of the doubling
     * @param memory failures older than this are forgotten
     */
    record LoginThrottle(
            @DefaultValue("5") int accountFreeFailures,
            @DefaultValue("20") int addressFreeFailures,
            @DefaultValue("30s") Duration firstWait,
            @DefaultValue("15m") Duration longestWait,
            @DefaultValue("1h") Duration memory) {}

    /**
     * The operator's administrator account, created at start-up when both are set. There is no
     * default: a shop without them has no administrator until one is granted the role.
     */
    record Admin(String email, String password) {

        boolean isConfigured() {
            return hasText(email) || hasText(password);
        }

        private static boolean hasText(String value) {
            return value != null && !value.isBlank();
        }

        @Override
        public String toString() {
            return "Admin[email=" + email + ", password=" + (hasText(password) ? "(set)" : "(unset)") + "]";
        }
    }
}
