package bookstore.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrossOriginPropertiesTests {

    @Test
    void acceptsExactOriginsAndIgnoresBlankEntries() {
        var properties = new CrossOriginProperties(List.of(" https://shop.example.com ", "", "http://localhost:5173/"));

        assertThat(properties.allowedOrigins()).containsExactly("https://shop.example.com", "http://localhost:5173");
    }

    @Test
    void allowsNoOriginWhenNoneIsConfigured() {
        assertThat(new CrossOriginProperties(null).allowedOrigins()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"*", "https://*.example.com", "shop.example.com", "https://shop.example.com/app", "ftp://x.y"})
    void refusesAnythingButAnExactOrigin(String origin) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CrossOriginProperties(List.of(origin)));
    }
}
