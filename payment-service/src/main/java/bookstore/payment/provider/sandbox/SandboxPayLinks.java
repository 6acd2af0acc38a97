package bookstore.payment.provider.sandbox;

import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a person reaches the sandbox's "scan to pay" page: through the shop's gateway, whose public
 * address is {@code bookstore.payment.sandbox.public-url} ({@code SANDBOX_PUBLIC_URL}, by default
 * {@code http://localhost:8080}). The QR codes and links the sandbox wallets hand out carry these
 * addresses.
 *
 * <p>The address is read at each use, not at start, so it may name what is known only once the
 * server runs: the integration tests point it at the service itself, {@code
 * http://localhost:${local.server.port}}.
 */
@Component
public class SandboxPayLinks {

    /** The page's path under the public address; the token follows it. */
    public static final String PATH = "/api/payments/sandbox/pay/";

    static final String PUBLIC_URL = "bookstore.payment.sandbox.public-url";

    private final Environment environment;

    SandboxPayLinks(Environment environment) {
        this.environment = environment;
    }

    /** The page for one trade's token. */
    public URI pageFor(String token) {
        return at(PATH + token);
    }

    /**
     * A path of this service as the world reaches it through the gateway, e.g. a sandbox wallet's
     * gateway, which a browser follows for a provider's page payment (电脑网站支付).
     */
    public URI at(String path) {
        String base =
                environment.getProperty(PUBLIC_URL, "http://localhost:8080").replaceAll("/+$", "");
        return URI.create(base + (path.startsWith("/") ? path : "/" + path));
    }
}
