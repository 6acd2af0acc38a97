package bookstore.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.mock.env.MockEnvironment;

/** The collector's address read from the environment as OpenTelemetry's exporter specification says. */
class OtlpTracesTests {

    @Test
    void theBaseEndpointGetsTheTracesPath() {
        assertThat(urlOf(new MockEnvironment().withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(urlOf(new MockEnvironment()
                        .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/otlp/")))
                .isEqualTo("http://collector:4318/otlp/v1/traces");
    }

    @Test
    void theTracesEndpointIsTakenAsItIsAndWinsOverTheBase() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
                .withProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "https://traces.example/ingest");
        assertThat(urlOf(environment)).isEqualTo("https://traces.example/ingest");
    }

    @Test
    void onlyHttpIsSpoken() {
        OtlpTraces traces = OtlpTraces.from(
                new MockEnvironment().withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"));
        assertThatIllegalStateException().isThrownBy(() -> traces.getUrl(Transport.GRPC));
    }

    private static String urlOf(MockEnvironment environment) {
        return OtlpTraces.from(environment).getUrl(Transport.HTTP);
    }
}
