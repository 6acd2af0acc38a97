package bookstore.analytics.forecast;

/**
 * One way of projecting weekly demand. Implementations are stateless: each call fits the model to the history it is
 * given, so the same instance serves every origin of a backtest and every series.
 */
interface DemandModel {

    /** The name a {@link Forecast} reports. */
    String name();

    /** The fewest weeks the model can be fitted to (eligibility for a forecast is a setting, and larger). */
    int fitMinimum();

    /**
     * Fits the model to {@code history} and projects the next {@code steps} weeks.
     *
     * @throws ArithmeticException when the fit fails or yields something that is not a number
     */
    Projection project(double[] history, int steps);

    /** The exception a model throws when the library that fits it gives up. */
    static ArithmeticException unfit(String model, RuntimeException cause) {
        ArithmeticException unfit = new ArithmeticException(model + " could not be fitted: " + cause);
        unfit.initCause(cause);
        return unfit;
    }

    /**
     * A model's projection before it becomes a forecast: point forecasts (possibly negative, the forecaster clips
     * them) and the standard deviation of the forecast error at each step ahead.
     */
    record Projection(double[] mean, double[] stdDev) {

        public Projection {
            if (mean.length != stdDev.length) {
                throw new IllegalArgumentException("one standard deviation per point forecast");
            }
            for (int step = 0; step < mean.length; step++) {
                if (!Double.isFinite(mean[step]) || !Double.isFinite(stdDev[step]) || stdDev[step] < 0) {
                    throw new ArithmeticException("the model projected " + mean[step] + " ± " + stdDev[step]);
                }
            }
        }
    }
}
