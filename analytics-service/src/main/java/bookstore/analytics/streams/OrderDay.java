package bookstore.analytics.streams;

import java.util.Map;
import java.util.TreeMap;

/**
 * What became of the orders placed on one day (or one partition's share of them): how many were placed, confirmed,
 * rejected and cancelled, and why the last two happened, by reason.
 */
public record OrderDay(
        long placed,
        long confirmed,
        long rejected,
        long cancelled,
        Map<String, Long> rejectionReasons,
        Map<String, Long> cancellationReasons) {

    public static final OrderDay NONE = new OrderDay(0, 0, 0, 0, Map.of(), Map.of());

    public OrderDay {
        rejectionReasons = Map.copyOf(rejectionReasons == null ? Map.of() : rejectionReasons);
        cancellationReasons = Map.copyOf(cancellationReasons == null ? Map.of() : cancellationReasons);
    }

    public OrderDay plus(OrderDay other) {
        return new OrderDay(
                placed + other.placed,
                confirmed + other.confirmed,
                rejected + other.rejected,
                cancelled + other.cancelled,
                merged(rejectionReasons, other.rejectionReasons),
                merged(cancellationReasons, other.cancellationReasons));
    }

    private static Map<String, Long> merged(Map<String, Long> one, Map<String, Long> other) {
        Map<String, Long> sum = new TreeMap<>(one);
        other.forEach((reason, count) -> sum.merge(reason, count, Long::sum));
        return sum;
    }
}
