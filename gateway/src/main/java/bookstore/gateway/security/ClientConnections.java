package bookstore.gateway.security;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * What the client's own connection looked like before any proxy in front of the gateway: its address and whether it
 * used TLS. {@code X-Forwarded-*} headers count only when the peer is one of the trusted proxies, the same ones
 * whose forwarding headers the gateway passes on to the services; anyone else could write whatever they like there.
 */
@Component
public class ClientConnections {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private final Predicate<String> trustedProxy;

    ClientConnections(@Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trustedProxies) {
        this.trustedProxy = StringUtils.hasText(trustedProxies)
                ? Pattern.compile(trustedProxies).asMatchPredicate()
                : address -> false;
    }

    /**
     * The client's address: the peer's, or behind trusted proxies the first address in {@code X-Forwarded-For},
     * counted from the right, that is not a trusted proxy. The entries left of it were written by the client itself.
     */
    public String address(ServerHttpRequest request) {
        String peer = peerAddress(request);
        if (!trustedProxy.test(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor(request);
        for (int hop = hops.size() - 1; hop >= 0; hop--) {
            if (!trustedProxy.test(hops.get(hop))) {
                return hops.get(hop);
            }
        }
        return hops.isEmpty() ? peer : hops.getFirst();
    }

    /** Whether the client reached the edge over TLS, directly or through a trusted proxy that terminated it. */
    public boolean usedTls(ServerHttpRequest request) {
        if (request.getSslInfo() != null) {
            return true;
        }
        String proto = request.getHeaders().getFirst(FORWARDED_PROTO);
        return proto != null
                && trustedProxy.test(peerAddress(request))
                && proto.split(",")[0].trim().equalsIgnoreCase("https");
    }

    private static String peerAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static List<String> forwardedFor(ServerHttpRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty(FORWARDED_FOR)) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }
}
