package bookstore.analytics.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Forecasts weekly demand of a title or a category, choosing the model per series.
 *
 * <p>The models that apply to a history of n weeks:
 *
 * <ul>
 *   <li>no sale at all: {@code zero}, alone;
 *   <li>always: {@code mean}, the average week of the last season;
 *   <li>n ≥ {@link Settings#minLinearWeeks()}: {@code linear-trend};
 *   <li>n ≥ {@link Settings#minSeasonalWeeks()} (two seasons by default): {@code seasonal-regression} (trend plus
 *       Fourier terms, see {@link TrendRegressionModel} for why) and {@code seasonal-arima} (the library's seasonal
 *       ARIMA, see {@link SeasonalArimaModel}).
 * </ul>
 *
 * <p>Where more than one applies, the rolling-origin backtest chooses: the lowest mean absolute error over its origins
 * and steps, the simpler model on a tie. A model that cannot be fitted at some origin, or at the end, gives way to the
 * next. Forecasts are clipped at zero and the prediction interval never narrows as the horizon grows (a later week is
 * never known better than an earlier one).
 *
 * <p>Immutable and thread-safe.
 */
public final class DemandForecaster {

    /** Forecasts further out than ten years are not forecasts. */
    static final int MAX_HORIZON_WEEKS = 520;

    private final Settings settings;
    private final double z;
    private final DemandModel zero;
    private final DemandModel mean;
    private final DemandModel linear;
    private final List<DemandModel> seasonal;
    private final RollingOrigin rollingOrigin;

    public DemandForecaster(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.z = StandardNormal.quantile(0.5 + settings.intervalLevel() / 2);
        this.zero = new ZeroModel();
        this.mean = new MeanModel(settings.seasonalPeriod());
        this.linear = TrendRegressionModel.linear();
        this.seasonal = List.of(
                TrendRegressionModel.seasonal(settings.seasonalPeriod()),
                new SeasonalArimaModel(settings.seasonalPeriod()));
        this.rollingOrigin = new RollingOrigin(
                settings.backtestOrigins(), settings.backtestHorizonWeeks(), settings.seasonalPeriod());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Forecasts the {@code horizonWeeks} weeks after {@code history}.
     *
     * @throws IllegalArgumentException when the horizon is not between 1 and 520 weeks
     */
    public Forecast forecast(WeeklySeries history, int horizonWeeks) {
        Objects.requireNonNull(history, "history");
        if (horizonWeeks < 1 || horizonWeeks > MAX_HORIZON_WEEKS) {
            throw new IllegalArgumentException(
                    "the horizon is 1 to " + MAX_HORIZON_WEEKS + " weeks, not " + horizonWeeks);
        }
        double[] weeks = history.values();
        List<DemandModel> candidates = candidates(weeks);
        RollingOrigin.Evaluation evaluation = rollingOrigin.evaluate(weeks, candidates);
        List<DemandModel> ranked = evaluation.origins() == 0 ? candidates : evaluation.ranked();
        for (DemandModel model : ranked) {
            DemandModel.Projection projection;
            try {
                projection = model.project(weeks, horizonWeeks);
            } catch (ArithmeticException unfit) {
                continue;
            }
            return toForecast(model, projection, history, evaluation.backtest(model));
        }
        // The mean fits any history with a week in it and the zero model one without; only they can be left.
        throw new IllegalStateException("no model could forecast " + weeks.length + " weeks of history");
    }

    private List<DemandModel> candidates(double[] weeks) {
        boolean sold = false;
        for (double week : weeks) {
            sold |= week > 0;
        }
        if (!sold) {
            return List.of(zero);
        }
        List<DemandModel> candidates = new ArrayList<>(List.of(mean));
        if (weeks.length >= settings.minLinearWeeks()) {
            candidates.add(linear);
        }
        if (weeks.length >= settings.minSeasonalWeeks()) {
            candidates.addAll(seasonal);
        }
        return candidates;
    }

    private Forecast toForecast(
            DemandModel model, DemandModel.Projection projection, WeeklySeries history, Backtest backtest) {
        double[] projected = projection.mean();
        double[] stdDev = projection.stdDev();
        double[] mean = new double[projected.length];
        double[] lower = new double[projected.length];
        double[] upper = new double[projected.length];
        double halfWidth = 0;
        for (int week = 0; week < projected.length; week++) {
            halfWidth = Math.max(halfWidth, z * stdDev[week]);
            mean[week] = Math.max(0, projected[week]);
            lower[week] = Math.max(0, mean[week] - halfWidth);
            upper[week] = mean[week] + halfWidth;
        }
        return new Forecast(model.name(), history.weekAfterLast(), mean, lower, upper, backtest);
    }

    /**
     * How forecasts are made.
     *
     * @param seasonalPeriod weeks per season (52: a year)
     * @param intervalLevel the prediction interval's coverage, between 0 and 1 (0.9: 90 %)
     * @param minLinearWeeks the shortest history the linear trend is considered for
     * @param minSeasonalWeeks the shortest history the seasonal models are considered for
     * @param backtestOrigins how many of the last weeks the backtest stands at
     * @param backtestHorizonWeeks how many weeks ahead the backtest forecasts from each origin
     */
    public record Settings(
            int seasonalPeriod,
            double intervalLevel,
            int minLinearWeeks,
            int minSeasonalWeeks,
            int backtestOrigins,
            int backtestHorizonWeeks) {

        public Settings {
            if (seasonalPeriod < 4) {
                throw new IllegalArgumentException("a season is at least 4 weeks, not " + seasonalPeriod);
            }
            if (!(intervalLevel > 0 && intervalLevel < 1)) {
                throw new IllegalArgumentException("the interval level is between 0 and 1, not " + intervalLevel);
            }
            if (minLinearWeeks < 3) {
                throw new IllegalArgumentException("a trend needs at least 3 weeks, not " + minLinearWeeks);
            }
            int seasonalMinimum = new SeasonalArimaModel(seasonalPeriod).fitMinimum();
            if (minSeasonalWeeks < seasonalMinimum) {
                throw new IllegalArgumentException("a season of " + seasonalPeriod + " weeks needs at least "
                        + seasonalMinimum + " weeks of history, not " + minSeasonalWeeks);
            }
            if (backtestOrigins < 1 || backtestHorizonWeeks < 1) {
                throw new IllegalArgumentException("the backtest needs at least one origin and one week ahead");
            }
        }

        /**
         * A year of 52 weeks, 90 % intervals, a trend from 8 weeks and seasons from two years; the backtest stands at
         * each of the last 13 weeks (a quarter) and looks 8 weeks ahead, a supplier's lead time and then some.
         */
        public static Settings defaults() {
            return new Settings(52, 0.9, 8, 104, 13, 8);
        }
    }
}
