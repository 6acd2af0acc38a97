package bookstore.analytics.report;

import bookstore.analytics.streams.CustomerHistory;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Recency, frequency and monetary value of customers as of a day, each scored in quintiles (1 to 5) against the
 * customers who had bought by then, and the segment the scores name. A score counts how many customers do worse:
 * with many one-time buyers they all share frequency 1, as they should, instead of being spread over scores by
 * chance.
 */
public final class Rfm {

    private final LocalDate asOf;
    private final long[] recencies;
    private final long[] frequencies;
    private final long[] monetaries;

    private Rfm(LocalDate asOf, List<Standing> standings) {
        this.asOf = asOf;
        this.recencies = sorted(standings.stream()
                .mapToLong(standing -> -standing.daysSinceLastOrder())
                .toArray());
        this.frequencies = sorted(standings.stream().mapToLong(Standing::orders).toArray());
        this.monetaries = sorted(standings.stream().mapToLong(Standing::spent).toArray());
    }

    /** The scoring as of the end of a day, against every customer with an order by then. */
    public static Rfm asOf(LocalDate day, List<CustomerHistory> customers) {
        List<Standing> standings = new ArrayList<>();
        for (CustomerHistory customer : customers) {
            standingOf(customer, day).ifPresent(standings::add);
        }
        return new Rfm(day, standings);
    }

    public int customers() {
        return recencies.length;
    }

    /** One customer's standing and scores, or empty when they had not bought by then. */
    public java.util.Optional<Profile> profile(CustomerHistory customer) {
        return standingOf(customer, asOf).map(standing -> {
            int recency = score(recencies, -standing.daysSinceLastOrder());
            int frequency = score(frequencies, standing.orders());
            int monetary = score(monetaries, standing.spent());
            return new Profile(standing, recency, frequency, monetary, Segment.of(recency, frequency));
        });
    }

    /** How many customers are in each segment (every segment named, zero when empty). */
    public Map<Segment, Long> sizes(List<CustomerHistory> customers) {
        Map<Segment, Long> sizes = new EnumMap<>(Segment.class);
        for (Segment segment : Segment.values()) {
            sizes.put(segment, 0L);
        }
        for (CustomerHistory customer : customers) {
            profile(customer).ifPresent(profile -> sizes.merge(profile.segment(), 1L, Long::sum));
        }
        return sizes;
    }

    /**
     * A customer's orders up to a day.
     *
     * @param spent net revenue in minor units
     */
    public record Standing(
            LocalDate firstOrder, LocalDate lastOrder, long daysSinceLastOrder, long orders, long spent) {}

    /** A customer's standing, scores and segment. */
    public record Profile(Standing standing, int recency, int frequency, int monetary, Segment segment) {}

    static java.util.Optional<Standing> standingOf(CustomerHistory customer, LocalDate day) {
        LocalDate first = null;
        LocalDate last = null;
        long orders = 0;
        long spent = 0;
        for (CustomerHistory.Order order : customer.orders()) {
            if (order.day().isAfter(day)) {
                continue;
            }
            orders++;
            spent += order.revenue();
            first = first == null || order.day().isBefore(first) ? order.day() : first;
            last = last == null || order.day().isAfter(last) ? order.day() : last;
        }
        return orders == 0
                ? java.util.Optional.empty()
                : java.util.Optional.of(new Standing(first, last, ChronoUnit.DAYS.between(last, day), orders, spent));
    }

    /** 1 + ⌊5 × (customers doing worse) / customers⌋. */
    private static int score(long[] sortedValues, long value) {
        int worse = lowerBound(sortedValues, value);
        return Math.min(5, 1 + (int) (5L * worse / sortedValues.length));
    }

    private static int lowerBound(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static long[] sorted(long[] values) {
        Arrays.sort(values);
        return values;
    }
}
