package bookstore.platform.observability;

import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.core.env.Environment;

/**
 * Where spans are sent over OTLP/HTTP, as OpenTelemetry's exporter specification has SDKs read the
 * environment: {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} is the URL as it is; otherwise {@code
 * OTEL_EXPORTER_OTLP_ENDPOINT} is the collector's base address and traces go to its {@code
 * v1/traces} (e.g. {@code http://otel-collector:4318} becomes {@code
 * http://otel-collector:4318/v1/traces}).
 */
public record OtlpTraces(String url) implements OtlpTracingConnectionDetails {

    static final String TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /** A condition that holds when either variable names a collector. */
    static final String CONFIGURED = "'${" + TRACES_ENDPOINT + ":}' != '' or '${" + ENDPOINT + ":}' != ''";

    static OtlpTraces from(Environment environment) {
        String traces = environment.getProperty(TRACES_ENDPOINT, "").strip();
        String base = environment.getProperty(ENDPOINT, "").strip();
        return new OtlpTraces(traces.isEmpty() ? base.replaceFirst("/?$", "/v1/traces") : traces);
    }

    @Override
    public String getUrl(Transport transport) {
        if (transport != Transport.HTTP) {
            throw new IllegalStateException("Spans are exported over OTLP/HTTP only; transport " + transport);
        }
        return url;
    }
}
