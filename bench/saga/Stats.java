import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Percentiles and the formatting of figures ("NA" where there is nothing to show). */
final class Stats {

    private Stats() {}

    static long[] sorted(Collection<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    /** Nearest-rank percentile; -1 when there is nothing to rank. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static long max(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    /** Nanoseconds as milliseconds with one decimal; NA for a negative value (nothing measured). */
    static String ms(long nanos) {
        return nanos < 0 ? "NA" : fmt(nanos / 1e6);
    }

    static String fmt(double value) {
        return fmt(value, 1);
    }

    static String fmt(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value)
                ? "NA"
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** a ÷ b, NA when b is 0. */
    static String ratio(double a, double b, int decimals) {
        return b == 0 ? "NA" : fmt(a / b, decimals);
    }
}
