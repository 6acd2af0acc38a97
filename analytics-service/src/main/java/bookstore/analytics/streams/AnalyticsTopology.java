package bookstore.analytics.streams;

import bookstore.analytics.recommend.RecommendationSettings;
import bookstore.analytics.recommend.RecommendationStreams;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * The whole analytics topology: the dimensions every instance holds (books, stock), the sale lines, and the
 * aggregates built from them. Each part declares its own stores.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class AnalyticsTopology {

    /**
     * A stopping instance leaves the group at once, so its partitions move to the others (whose standby copies are
     * warm) without waiting for the session to time out.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
        return factory -> factory.setLeaveGroupOnClose(true);
    }

    @Bean
    ShopCalendar shopCalendar(@Value("${bookstore.analytics.zone}") ZoneId zone) {
        return new ShopCalendar(zone);
    }

    @Bean
    Demand demand(
            @Value("${bookstore.analytics.forecast.horizon-weeks:26}") int horizonWeeks,
            @Value("${bookstore.analytics.forecast.history-weeks:156}") int historyWeeks,
            @Value("${bookstore.analytics.forecast.interval:10s}") Duration interval,
            @Value("${bookstore.analytics.forecast.budget:500ms}") Duration budget) {
        return new Demand(horizonWeeks, historyWeeks, interval, budget);
    }

    @Bean
    KStream<String, SaleLine> saleLines(
            StreamsBuilder builder, ShopCalendar calendar, Demand demand, RecommendationSettings recommendations) {
        KStream<String, SaleLine> saleLines = compose(builder, calendar, demand);
        RecommendationStreams.build(builder, saleLines, calendar, recommendations);
        return saleLines;
    }

    /** Every part on one builder; the sale lines are returned for parts that build on them. */
    public static KStream<String, SaleLine> compose(StreamsBuilder builder, ShopCalendar calendar, Demand demand) {
        BookCatalogue.build(builder);
        StockLevels.build(builder);
        KStream<String, SaleLine> saleLines = SaleLines.build(builder);
        SalesByBook.build(builder, saleLines, calendar, demand);
        CustomerHistories.build(builder, OrderFigures.build(builder, saleLines, calendar));
        OrderOutcomes.build(builder, calendar);
        Registrations.build(builder, calendar);
        return saleLines;
    }
}
