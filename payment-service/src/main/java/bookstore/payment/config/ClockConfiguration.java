package bookstore.payment.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** One clock for every time the service records, so tests can hold it still. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
