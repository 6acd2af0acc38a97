package bookstore.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientConnectionsTests {

    // The gateway's default: loopback and the private ranges.
    final ClientConnections connections = new ClientConnections(
            "127\\.\\d+\\.\\d+\\.\\d+|10\\.\\d+\\.\\d+\\.\\d+|192\\.168\\.\\d+\\.\\d+|172\\.(1[6-9]|2\\d|3[01])\\.\\d+\\.\\d+");

    @Test
    void takesThePeersAddressWhenThePeerIsNoTrustedProxy() {
        var request =
                from("203.0.113.9").header("X-Forwarded-For", "198.51.100.1").build();

        assertThat(connections.address(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void takesTheFirstUntrustedHopFromTheRightBehindTrustedProxies() {
        // The client wrote 198.51.100.1 itself; the ingress (10.0.0.5) appended the address it saw.
        var request = from("10.0.0.7")
                .header("X-Forwarded-For", "198.51.100.1, 203.0.113.20, 10.0.0.5")
                .build();

        assertThat(connections.address(request)).isEqualTo("203.0.113.20");
    }

    @Test
    void readsSeveralForwardedForHeadersAsOneList() {
        var request = from("10.0.0.7")
                .header("X-Forwarded-For", "198.51.100.1")
                .header("X-Forwarded-For", "203.0.113.20")
                .build();

        assertThat(connections.address(request)).isEqualTo("203.0.113.20");
    }

    @Test
    void takesThePeerBehindATrustedProxyThatForwardedNothing() {
        assertThat(connections.address(from("10.0.0.7").build())).isEqualTo("10.0.0.7");
    }

    @Test
    void believesInTlsOnlyWhenATrustedProxySaysSo() {
        assertThat(connections.usedTls(
                        from("10.0.0.7").header("X-Forwarded-Proto", "https").build()))
                .isTrue();
        assertThat(connections.usedTls(
                        from("203.0.113.9").header("X-Forwarded-Proto", "https").build()))
                .isFalse();
        assertThat(connections.usedTls(from("10.0.0.7").build())).isFalse();
    }

    @Test
    void trustsNoProxyWhenNoneIsConfigured() {
        ClientConnections direct = new ClientConnections("");
        var request = from("127.0.0.1")
                .header("X-Forwarded-For", "198.51.100.1")
                .header("X-Forwarded-Proto", "https")
                .build();

        assertThat(direct.address(request)).isEqualTo("127.0.0.1");
        assertThat(direct.usedTls(request)).isFalse();
    }

    private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
        return MockServerHttpRequest.get("/api/books").remoteAddress(new InetSocketAddress(peer, 40000));
    }
}
