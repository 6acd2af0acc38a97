package bookstore.analytics.streams;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * The whole analytics topology: the dimensions every instance holds (books, stock), the sale lines, and the
 * aggregates built from them. Each part declares its own stores.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class AnalyticsTopology {

    @Bean
    KStream<String, SaleLine> saleLines(StreamsBuilder builder) {
        BookCatalogue.build(builder);
        StockLevels.build(builder);
        return SaleLines.build(builder);
    }
}
