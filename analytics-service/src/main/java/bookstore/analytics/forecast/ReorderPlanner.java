package bookstore.analytics.forecast;

import java.util.Objects;

/**
 * Reorder suggestions from a demand forecast: the demand expected over the lead time plus safety stock, less what is
 * available.
 *
 * <p>The lead time is counted in weeks from the forecast's first week, prorated: 10 days are the first week and 3/7 of
 * the second. The error over the lead time comes from the backtest: the root mean square error in the total demand of
 * the first k weeks, interpolated the same way between whole weeks, and growing with the square root of time beyond
 * the weeks the backtest looked ahead (as a sum of independent weekly errors would). Without a backtest (a history too
 * short to hold weeks out) demand is taken as a Poisson count, whose variance is its mean: the usual assumption for
 * slow sellers.
 */
public final class ReorderPlanner {

    private static final double DAYS_PER_WEEK = 7;
    /** Rounding up a quantity forgives it this much, so 12.000000001 copies is 12. */
    private static final double ROUNDING_SLACK = 1e-9;

    /**
     * @param forecast the title's demand forecast, covering at least the lead time
     * @param available copies available now (on hand less reserved; below 0 when oversold)
     * @param leadTimeDays days from ordering to having the copies, at least 0
     * @param serviceLevel the wanted probability of not running out, at least 0.5 and below 1
     * @throws IllegalArgumentException when the lead time or service level is out of range, or the forecast ends
     *     before the lead time does
     */
    public ReorderSuggestion suggest(Forecast forecast, int available, int leadTimeDays, double serviceLevel) {
        Objects.requireNonNull(forecast, "forecast");
        if (leadTimeDays < 0) {
            throw new IllegalArgumentException("the lead time is at least 0 days, not " + leadTimeDays);
        }
        if (!(serviceLevel >= 0.5 && serviceLevel < 1)) {
            throw new IllegalArgumentException("the service level is at least 0.5 and below 1, not " + serviceLevel);
        }
        double weeks = leadTimeDays / DAYS_PER_WEEK;
        if (weeks > forecast.horizonWeeks()) {
            throw new IllegalArgumentException("a lead time of " + leadTimeDays + " days needs a forecast of "
                    + (int) Math.ceil(weeks) + " weeks, not " + forecast.horizonWeeks());
        }
        double demand = prorated(prefixSums(forecast.mean()), weeks);
        double stdDev = forecast.backtest().cumulativeErrors().length == 0
                ? Math.sqrt(demand)
                : errorOver(forecast.backtest().cumulativeErrors(), weeks);
        double safetyStock = Math.max(0, StandardNormal.quantile(serviceLevel) * stdDev);
        double reorderPoint = demand + safetyStock;
        int orderQuantity = (int) Math.max(0, Math.ceil(reorderPoint - available - ROUNDING_SLACK));
        return new ReorderSuggestion(
                leadTimeDays, serviceLevel, demand, stdDev, safetyStock, reorderPoint, available, orderQuantity);
    }

    /** The error in total demand over {@code weeks}, from the errors over the first 1, 2, … whole weeks. */
    private static double errorOver(double[] cumulativeErrors, double weeks) {
        int known = cumulativeErrors.length;
        if (weeks <= known) {
            double[] withNone = new double[known + 1];
            System.arraycopy(cumulativeErrors, 0, withNone, 1, known);
            return prorated(withNone, weeks);
        }
        return cumulativeErrors[known - 1] * Math.sqrt(weeks / known);
    }

    /** {@code totals[k]} is the total of the first k weeks; the total up to a fraction of a week in between. */
    private static double prorated(double[] totals, double weeks) {
        int whole = (int) Math.floor(weeks);
        double fraction = weeks - whole;
        return fraction == 0 ? totals[whole] : totals[whole] + fraction * (totals[whole + 1] - totals[whole]);
    }

    private static double[] prefixSums(double[] weekly) {
        double[] totals = new double[weekly.length + 1];
        for (int week = 0; week < weekly.length; week++) {
            totals[week + 1] = totals[week] + weekly[week];
        }
        return totals;
    }
}
