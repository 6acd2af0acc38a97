package bookstore.user.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTests {

    final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "127.0.0.0/8"));

    @Test
    void aDirectClientIsItsPeerAddressWhateverItClaims() {
        var request = MockServerHttpRequest.post("/api/auth/token")
                .remoteAddress(new InetSocketAddress("203.0.113.7", 4000))
                .header("X-Forwarded-For", "198.51.100.1")
                .build();

        assertThat(addresses.of(request)).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTheGatewayTheClientIsTheHopTheGatewaySaw() {
        var request = MockServerHttpRequest.post("/api/auth/token")
                .remoteAddress(new InetSocketAddress("10.1.2.3", 4000))
                .header("X-Forwarded-For", "203.0.113.7")
                .build();

        assertThat(addresses.of(request)).isEqualTo("203.0.113.7");
    }

    @Test
    void addressesAClientForgesInFrontOfTheRealOneAreIgnored() {
        var request = MockServerHttpRequest.post("/api/auth/token")
                .remoteAddress(new InetSocketAddress("10.1.2.3", 4000))
                .header("X-Forwarded-For", "198.51.100.99, 203.0.113.7, 10.9.9.9")
                .build();

        assertThat(addresses.of(request)).isEqualTo("203.0.113.7");
    }

    @Test
    void aHostNameInTheHeaderIsNeverResolvedNorTrusted() {
        var request = MockServerHttpRequest.post("/api/auth/token")
                .remoteAddress(new InetSocketAddress("10.1.2.3", 4000))
                .header("X-Forwarded-For", "attacker.example")
                .build();

        assertThat(addresses.of(request)).isEqualTo("10.1.2.3");
    }
}
