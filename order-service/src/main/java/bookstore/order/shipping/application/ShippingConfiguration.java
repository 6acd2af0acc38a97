package bookstore.order.shipping.application;

import bookstore.order.shipping.application.Shipments.DueSubscription;
import bookstore.platform.work.HandedOver;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShippingProperties.class)
class ShippingConfiguration {

    /** Subscriptions the shipping transaction hands to the worker once it has committed. */
    @Bean
    HandedOver<DueSubscription> handedOverSubscriptions() {
        return new HandedOver<>();
    }
}
