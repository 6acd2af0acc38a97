package bookstore.analytics.forecast;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Least squares on a linear trend, plus, for the seasonal variant, Fourier terms (pairs of sine and cosine of the
 * season's harmonics) chosen by AICc.
 *
 * <p>Why Fourier terms for the seasonal model: with weekly data a season is 52 points and a shop has about two
 * seasons of history, 104 points. Seasonal ARIMA needs a seasonal difference that spends a whole season of data before
 * fitting anything, and 52 seasonal dummies would spend half the data on parameters; Holt-Winters is not in the
 * library at the version we use. A handful of harmonics describes a smooth yearly shape (school terms, the summer
 * lull) with a few parameters, fits in microseconds, never fails to converge, and gives prediction intervals from
 * ordinary least squares. Sharp one-week peaks (双十一) are what the library's seasonal ARIMA ({@link SeasonalArimaModel})
 * catches better, as it repeats last year's weeks; the forecaster lets the backtest choose between the two.
 *
 * <p>The linear variant (no harmonics) is the model for histories too short to show a season.
 */
final class TrendRegressionModel implements DemandModel {

    static final String LINEAR = "linear-trend";
    static final String SEASONAL = "seasonal-regression";

    /** More harmonics than this describe noise rather than a yearly shape, at two parameters each. */
    private static final int MAX_HARMONICS = 8;

    private final String name;
    private final int period;
    private final int fewestHarmonics;
    private final int mostHarmonics;

    private TrendRegressionModel(String name, int period, int fewestHarmonics, int mostHarmonics) {
        this.name = name;
        this.period = period;
        this.fewestHarmonics = fewestHarmonics;
        this.mostHarmonics = mostHarmonics;
    }

    static TrendRegressionModel linear() {
        return new TrendRegressionModel(LINEAR, 1, 0, 0);
    }

    /** @param period weeks per season */
    static TrendRegressionModel seasonal(int period) {
        // Harmonic period/2 would be a sine that is zero at every week: stop short of it.
        return new TrendRegressionModel(SEASONAL, period, 1, Math.max(1, Math.min(MAX_HARMONICS, (period - 1) / 2)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int fitMinimum() {
        // The linear trend needs three points for a residual to measure its error by. A seasonal shape needs a whole
        // season and then some, to tell the shape from the trend.
        return mostHarmonics == 0 ? 3 : period + Math.max(2, period / 4);
    }

    @Override
    public Projection project(double[] history, int steps) {
        Fit best = null;
        for (int harmonics = fewestHarmonics; harmonics <= mostHarmonics; harmonics++) {
            if (history.length <= columns(harmonics) + 1) {
                break;
            }
            Fit fit = fit(history, harmonics);
            if (best == null || fit.aicc < best.aicc) {
                best = fit;
            }
        }
        if (best == null) {
            throw new ArithmeticException(history.length + " weeks are too few for " + name);
        }
        double[][] betaVariance;
        double errorVariance;
        try {
            betaVariance = best.ols.estimateRegressionParametersVariance();
            errorVariance = best.ols.estimateErrorVariance();
        } catch (MathIllegalArgumentException singular) {
            throw DemandModel.unfit(name, singular);
        }
        double[] mean = new double[steps];
        double[] stdDev = new double[steps];
        for (int step = 0; step < steps; step++) {
            // A new week's error: the noise around the fit plus the uncertainty of the fit where it is extrapolated.
            double[] x = row(history.length + step, best.harmonics, true);
            double variance = errorVariance;
            for (int i = 0; i < x.length; i++) {
                mean[step] += x[i] * best.beta[i];
                for (int j = 0; j < x.length; j++) {
                    variance += x[i] * betaVariance[i][j] * x[j];
                }
            }
            stdDev[step] = Math.sqrt(variance);
        }
        return new Projection(mean, stdDev);
    }

    private Fit fit(double[] history, int harmonics) {
        int n = history.length;
        double[][] x = new double[n][];
        for (int week = 0; week < n; week++) {
            x[week] = row(week, harmonics, false);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        try {
            ols.newSampleData(history.clone(), x);
            double[] beta = ols.estimateRegressionParameters();
            double rss = ols.calculateResidualSumOfSquares();
            int k = columns(harmonics) + 1; // the coefficients and the error variance
            // A perfect fit (a constant or an exact line) has nothing left to trade parameters against.
            double aicc = rss <= 0
                    ? Double.NEGATIVE_INFINITY
                    : n * Math.log(rss / n) + 2.0 * k + 2.0 * k * (k + 1) / Math.max(1, n - k - 1);
            return new Fit(harmonics, ols, beta, aicc);
        } catch (MathIllegalArgumentException singular) {
            throw DemandModel.unfit(name, singular);
        }
    }

    /** Intercept, trend and the sine and cosine of each harmonic. */
    private static int columns(int harmonics) {
        return 2 + 2 * harmonics;
    }

    private double[] row(int week, int harmonics, boolean withIntercept) {
        int offset = withIntercept ? 1 : 0;
        double[] x = new double[columns(harmonics) - 1 + offset];
        if (withIntercept) {
            x[0] = 1;
        }
        x[offset] = week;
        for (int harmonic = 1; harmonic <= harmonics; harmonic++) {
            double angle = 2 * Math.PI * harmonic * week / period;
            x[offset + 2 * harmonic - 1] = Math.sin(angle);
            x[offset + 2 * harmonic] = Math.cos(angle);
        }
        return x;
    }

    /** A fit with its coefficients; the variances, needed only for the fit chosen, come from {@code ols}. */
    private record Fit(int harmonics, OLSMultipleLinearRegression ols, double[] beta, double aicc) {}
}
