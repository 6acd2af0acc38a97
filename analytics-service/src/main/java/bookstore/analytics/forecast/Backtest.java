package bookstore.analytics.forecast;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the forecast's model did on the history it was fitted to: a rolling-origin evaluation that stands at each of
 * the last weeks in turn, fits on what came before and forecasts one to {@code horizonWeeks} weeks ahead.
 *
 * <p>MASE is the mean absolute error over every origin and step, scaled by the in-sample mean absolute error of the
 * baseline (last season's same week, or last week's value when the history before the first origin is shorter than a
 * season); below 1 beats what the baseline does in sample, and a model beats the baseline out of sample when its MASE is
 * below {@code baselineMase}. MAPE (in percent) averages over the weeks that sold something. A measure that is
 * undefined (no origins; a flat history that gives no scale; no week with a sale) is {@code null}, never NaN.
 *
 * @param origins how many origins the evaluation stood at (0: the history was too short for one)
 * @param horizonWeeks the most steps ahead forecast from each origin
 * @param baseline {@code seasonal-naive} or {@code naive}; {@code null} without origins
 * @param mase the chosen model's MASE
 * @param mape the chosen model's MAPE, in percent
 * @param baselineMase the baseline's MASE on the same origins and steps
 * @param baselineMape the baseline's MAPE, in percent
 * @param candidates every model compared, by name, with its MASE, in the order tried
 * @param cumulativeErrors at index k-1, the root mean square over the origins that reach k weeks ahead of the error in
 *     the total demand of the first k weeks; the forecast error over a lead time, for safety stock
 */
public record Backtest(
        int origins,
        int horizonWeeks,
        String baseline,
        Double mase,
        Double mape,
        Double baselineMase,
        Double baselineMape,
        Map<String, Double> candidates,
        double[] cumulativeErrors) {

    public static final String SEASONAL_NAIVE = "seasonal-naive";
    public static final String NAIVE = "naive";

    public Backtest {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(cumulativeErrors, "cumulativeErrors");
        if (origins < 0 || horizonWeeks < 0) {
            throw new IllegalArgumentException("origins and horizon are counts");
        }
        candidates = Collections.unmodifiableMap(new LinkedHashMap<>(candidates));
        cumulativeErrors = cumulativeErrors.clone();
    }

    /** No evaluation: the history was too short to hold anything out. */
    static Backtest none() {
        return new Backtest(0, 0, null, null, null, null, null, Map.of(), new double[0]);
    }

    /** A copy of the errors in total demand over the first weeks. */
    @Override
    public double[] cumulativeErrors() {
        return cumulativeErrors.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Backtest that
                && origins == that.origins
                && horizonWeeks == that.horizonWeeks
                && Objects.equals(baseline, that.baseline)
                && Objects.equals(mase, that.mase)
                && Objects.equals(mape, that.mape)
                && Objects.equals(baselineMase, that.baselineMase)
                && Objects.equals(baselineMape, that.baselineMape)
                && candidates.equals(that.candidates)
                && Arrays.equals(cumulativeErrors, that.cumulativeErrors);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(origins, horizonWeeks, baseline, mase, mape, baselineMase, baselineMape, candidates)
                + Arrays.hashCode(cumulativeErrors);
    }

    @Override
    public String toString() {
        return "Backtest[origins=" + origins + ", horizonWeeks=" + horizonWeeks + ", baseline=" + baseline + ", mase="
                + mase + ", mape=" + mape + ", baselineMase=" + baselineMase + ", baselineMape=" + baselineMape
                + ", candidates=" + candidates + ", cumulativeErrors=" + Arrays.toString(cumulativeErrors) + "]";
    }
}
