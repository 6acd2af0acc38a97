package bookstore.analytics.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Reorder suggestions from a demand forecast: the demand expected over the lead time plus safety stock, less what is
 * available.
 *
 * <p>The lead time is counted in weeks from the forecast's first week (or from today, within it), prorated: 10 days are
 * the first week and 3/7 of the second. The error over the lead time comes from the backtest: the root mean square error in the total demand of
 * the first k weeks, interpolated the same way between whole weeks, and growing with the square root of time beyond
 * the weeks the backtest looked ahead (as a sum of independent weekly errors would). Without a backtest (a history too
 * short to hold weeks out) demand is taken as a Poisson count, whose variance is its mean: the usual assumption for
 * slow sellers.
 */
public final class ReorderPlanner {

    private static final int DAYS_PER_WEEK = 7;
    /** Rounding up a quantity forgives it this much, so 12.000000001 copies is 12. */
    private static final double ROUNDING_SLACK = 1e-9;

    /**
     * A suggestion for a lead time that starts with the forecast's first week.
     *
     * @see #suggest(Forecast, int, int, double, LocalDate)
     */
    public ReorderSuggestion suggest(Forecast forecast, int available, int leadTimeDays, double serviceLevel) {
        return suggest(forecast, available, leadTimeDays, serviceLevel, forecast.firstWeek());
    }

    /**
     * A suggestion for a lead time that starts {@code today}: the days of the forecast before it are past (their sales
     * are already out of what is available).
     *
     * @param forecast the title's demand forecast, covering at least the lead time from today
     * @param available copies available now (on hand less reserved; below 0 when oversold)
     * @param leadTimeDays days from ordering to having the copies, at least 0
     * @param serviceLevel the wanted probability of not running out, at least 0.5 and below 1
     * @param today the day the order would be placed, within the forecast
     * @throws IllegalArgumentException when the lead time or service level is out of range, or the forecast starts
     *     after today or ends before the lead time does
     */
    public ReorderSuggestion suggest(
            Forecast forecast, int available, int leadTimeDays, double serviceLevel, LocalDate today) {
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(today, "today");
        if (leadTimeDays < 0) {
            throw new IllegalArgumentException("the lead time is at least 0 days, not " + leadTimeDays);
        }
        if (!(serviceLevel >= 0.5 && serviceLevel < 1)) {
            throw new IllegalArgumentException("the service level is at least 0.5 and below 1, not " + serviceLevel);
        }
        long past = ChronoUnit.DAYS.between(forecast.firstWeek(), today);
        if (past < 0) {
            throw new IllegalArgumentException("the forecast starts on " + forecast.firstWeek() + ", after " + today);
        }
        long end = past + leadTimeDays;
        if (end > (long) DAYS_PER_WEEK * forecast.horizonWeeks()) {
            throw new IllegalArgumentException("a lead time of " + leadTimeDays + " days from " + today
                    + " needs a forecast of " + Math.ceilDiv(end, DAYS_PER_WEEK) + " weeks, not "
                    + forecast.horizonWeeks());
        }
        double[] totals = prefixSums(forecast.mean());
        double demand = prorated(totals, end) - prorated(totals, past);
        double stdDev = forecast.backtest().cumulativeErrors().length == 0
                ? Math.sqrt(demand)
                : errorOver(forecast.backtest().cumulativeErrors(), leadTimeDays);
        double safetyStock = Math.max(0, StandardNormal.quantile(serviceLevel) * stdDev);
        double reorderPoint = demand + safetyStock;
        int orderQuantity = (int) Math.max(0, Math.ceil(reorderPoint - available - ROUNDING_SLACK));
        return new ReorderSuggestion(
                leadTimeDays, serviceLevel, demand, stdDev, safetyStock, reorderPoint, available, orderQuantity);
    }

    /** The error in total demand over {@code days}, from the errors over the first 1, 2, … whole weeks. */
    private static double errorOver(double[] cumulativeErrors, long days) {
        int known = cumulativeErrors.length;
        if (days <= (long) DAYS_PER_WEEK * known) {
            double[] withNone = new double[known + 1];
            System.arraycopy(cumulativeErrors, 0, withNone, 1, known);
            return prorated(withNone, days);
        }
        return cumulativeErrors[known - 1] * Math.sqrt((double) days / (DAYS_PER_WEEK * known));
    }

    /** {@code totals[k]} is the total of the first k weeks; the total of the first {@code days}, prorated. */
    private static double prorated(double[] totals, long days) {
        int whole = (int) (days / DAYS_PER_WEEK);
        long rest = days % DAYS_PER_WEEK;
        return rest == 0 ? totals[whole] : totals[whole] + rest * (totals[whole + 1] - totals[whole]) / DAYS_PER_WEEK;
    }

    private static double[] prefixSums(double[] weekly) {
        double[] totals = new double[weekly.length + 1];
        for (int week = 0; week < weekly.length; week++) {
            totals[week + 1] = totals[week] + weekly[week];
        }
        return totals;
    }
}
