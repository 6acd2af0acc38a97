package bookstore.platform.observability;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Spans leave the process over OTLP/HTTP when {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or {@code
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) names a collector, read as OpenTelemetry's own SDKs read them
 * ({@link OtlpTraces}); Spring Boot then creates its exporter. Unset, spans stay in the process.
 */
@AutoConfiguration(before = OtlpTracingAutoConfiguration.class)
@ConditionalOnExpression(OtlpTraces.CONFIGURED)
public class TraceExportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OtlpTracingConnectionDetails otlpTraces(Environment environment) {
        return OtlpTraces.from(environment);
    }
}
