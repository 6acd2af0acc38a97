package bookstore.analytics.imports;

import bookstore.analytics.streams.SaleLine;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Taps the sale lines analytics counts (each event once, the topology promises), so a test can see them. */
@TestConfiguration(proxyBeanMethods = false)
public class CountedSales {

    private static final Queue<SaleLine> COUNTED = new ConcurrentLinkedQueue<>();

    @Bean
    Tap countedSalesTap(KStream<String, SaleLine> saleLines) {
        saleLines.foreach((orderId, line) -> COUNTED.add(line));
        return new Tap();
    }

    /** The lines counted so far whose order id starts with the prefix. */
    public static List<SaleLine> ofOrders(String orderIdPrefix) {
        return COUNTED.stream()
                .filter(line -> line.orderId().startsWith(orderIdPrefix))
                .toList();
    }

    record Tap() {}
}
