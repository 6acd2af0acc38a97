package bookstore.order.shipping.carrier;

import bookstore.order.shipping.application.Carrier;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.StringUtils;

/**
 * One carrier per process: Kuaidi100 when its key and customer id are set ({@code KUAIDI100_KEY},
 * {@code KUAIDI100_CUSTOMER}), otherwise the built-in sandbox carrier.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({Kuaidi100Properties.class, SandboxCarrierProperties.class})
class CarrierConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CarrierConfiguration.class);

    @Bean
    @Conditional(Kuaidi100Configured.class)
    Carrier kuaidi100(Kuaidi100Properties properties) {
        log.info("Shipments are tracked by Kuaidi100; its pushes are expected at {}", properties.callbackUrl());
        return new Kuaidi100Carrier(properties);
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(Kuaidi100NotConfigured.class)
    static class Sandbox {

        @Bean
        SandboxSchedule sandboxSchedule(DatabaseClient database, TransactionalOperator transactions) {
            return new SandboxSchedule(database, transactions);
        }

        @Bean
        SandboxSalt sandboxCarrierSalt(SandboxCarrierProperties properties) {
            if (StringUtils.hasText(properties.salt())) {
                return new SandboxSalt(properties.salt());
            }
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            log.info("No bookstore.shipping.sandbox.salt is set: the sandbox carrier signs its pushes with a salt"
                    + " generated for this process only");
            return new SandboxSalt(HexFormat.of().formatHex(random));
        }

        @Bean
        Carrier sandboxCarrier(
                SandboxSchedule schedule, SandboxCarrierProperties properties, SandboxSalt salt, Clock clock) {
            return new SandboxCarrier(schedule, properties, salt.value(), clock);
        }

        @Bean
        SandboxCarrierPushes sandboxCarrierPushes(
                SandboxSchedule schedule,
                SandboxCarrierProperties properties,
                SandboxSalt salt,
                Environment environment,
                Clock clock) {
            return new SandboxCarrierPushes(
                    schedule, () -> callbackUrl(properties, environment), salt.value(), properties, clock);
        }

        /** Resolved on each push: the port is known only once the web server has started. */
        private static URI callbackUrl(SandboxCarrierProperties properties, Environment environment) {
            if (properties.callbackUrl() != null) {
                return properties.callbackUrl();
            }
            String port = environment.getProperty("local.server.port");
            if (port == null) {
                throw new IllegalStateException("the web server is not up yet");
            }
            return URI.create("http://localhost:" + port + "/api/shipping/callbacks/" + SandboxCarrier.NAME);
        }
    }

    /** What the sandbox carrier signs its pushes with. */
    record SandboxSalt(String value) {}

    static class Kuaidi100Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            return StringUtils.hasText(environment.getProperty("bookstore.shipping.kuaidi100.key"))
                    && StringUtils.hasText(environment.getProperty("bookstore.shipping.kuaidi100.customer"));
        }
    }

    static class Kuaidi100NotConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new Kuaidi100Configured().matches(context, metadata);
        }
    }
}
