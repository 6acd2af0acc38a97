package bookstore.gateway.observability;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The gateway's spans leave over OTLP/HTTP when {@code OTEL_EXPORTER_OTLP_ENDPOINT} (the collector's
 * base address; traces go to its {@code v1/traces}) or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}
 * (the URL as it is) is set, read as OpenTelemetry's SDKs read them and as every service reads them
 * (the platform's {@code OtlpTraces}; the gateway does not take the services' platform).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${OTEL_EXPORTER_OTLP_TRACES_ENDPOINT:}' != '' or '${OTEL_EXPORTER_OTLP_ENDPOINT:}' != ''")
class TraceExportConfiguration {

    @Bean
    OtlpTracingConnectionDetails otlpTraces(Environment environment) {
        String traces = environment
                .getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "")
                .strip();
        String base = environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "").strip();
        String url = traces.isEmpty() ? base.replaceFirst("/?$", "/v1/traces") : traces;
        return transport -> {
            if (transport != Transport.HTTP) {
                throw new IllegalStateException("Spans are exported over OTLP/HTTP only; transport " + transport);
            }
            return url;
        };
    }
}
