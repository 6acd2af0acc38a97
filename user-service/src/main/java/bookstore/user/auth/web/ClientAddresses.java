package bookstore.user.auth.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a login attempt comes from, for throttling. Behind the gateway every request arrives
 * from the gateway, so the client is read from {@code X-Forwarded-For}, but only as far as trusted
 * proxies vouch for it: walking the list from the right (the hop nearest to us), the first address
 * that is not a trusted proxy is the client. What a client writes into the header itself sits
 * further left and is never reached, so it cannot choose its own address.
 */
public final class ClientAddresses {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private final List<Cidr> trustedProxies;

    public ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(Cidr::parse).toList();
    }

    String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
        if (!isTrustedProxy(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        request.getHeaders().getOrEmpty("X-Forwarded-For").forEach(header -> Arrays.stream(header.split(","))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .forEach(hops::add));
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!IP_LITERAL.matcher(hop).matches()) {
                break;
            }
            client = hop;
            if (!isTrustedProxy(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrustedProxy(String address) {
        // Only IP literals are parsed: InetAddress would resolve a host name through DNS.
        if (!IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return false;
        }
        return trustedProxies.stream().anyMatch(proxy -> proxy.contains(parsed));
    }

    /** A block of addresses such as {@code 10.0.0.0/8}. */
    record Cidr(byte[] network, int prefixLength) {

        static Cidr parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (!IP_LITERAL.matcher(parts[0]).matches() || prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("Not an address block: " + cidr);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("Not an address block: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xFF << (8 - remainingBits)) & 0xFF;
            return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
