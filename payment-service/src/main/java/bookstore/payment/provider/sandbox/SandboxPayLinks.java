package bookstore.payment.provider.sandbox;

import java.net.URI;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a person reaches the sandbox's "scan to pay" page: through the shop's gateway, whose public
 * address is {@code bookstore.payment.sandbox.public-url} ({@code SANDBOX_PUBLIC_URL}, by default
 * {@code http://localhost:8080}). The QR codes and links the sandbox wallets hand out carry these
 * addresses.
 */
@Component
public class SandboxPayLinks {

    /** The page's path under the public address; the token follows it. */
    public static final String PATH = "/api/payments/sandbox/pay/";

    private final URI publicUrl;

    SandboxPayLinks(@Value("${bookstore.payment.sandbox.public-url:http://localhost:8080}") URI publicUrl) {
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
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
        String base = publicUrl.toString().replaceAll("/+$", "");
        return URI.create(base + (path.startsWith("/") ? path : "/" + path));
    }
}
