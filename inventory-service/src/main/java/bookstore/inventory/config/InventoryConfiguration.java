package bookstore.inventory.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

    /** Event and ledger times; one clock, so tests could pin it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
