package bookstore.analytics.forecast;

import com.github.signaflo.timeseries.TimePeriod;
import com.github.signaflo.timeseries.TimeSeries;
import com.github.signaflo.timeseries.TimeUnit;
import com.github.signaflo.timeseries.model.arima.Arima;
import com.github.signaflo.timeseries.model.arima.ArimaOrder;

/**
 * Seasonal ARIMA(0,1,1)(0,1,0) from signaflo {@code timeseries}: next year's week is last year's same week plus the
 * year-over-year change, smoothed exponentially over the recent weeks. It repeats last year's peaks however sharp (双十一,
 * the start of a school term), which a few harmonics ({@link TrendRegressionModel}) smooth away.
 *
 * <p>Why this order and fitting: with two seasons of weekly data the seasonal difference leaves one season, too little
 * to estimate a seasonal MA term at lag 52 (the library reports it as 0) and far too little for a seasonal AR one.
 * Exact maximum likelihood puts the 53 lags of the differences into the Kalman filter's state: 2.4 to 3 s per fit of
 * 104 weeks on the build machine, against about 1 ms for conditional sum of squares, and a backtest fits the model at
 * every origin. The library's constant with a seasonal difference throws (a NullPointerException from the QR solver
 * of its start-up regression), and the double difference makes a drift term unnecessary.
 */
final class SeasonalArimaModel implements DemandModel {

    static final String NAME = "seasonal-arima";

    private static final ArimaOrder ORDER = ArimaOrder.order(0, 1, 1, 0, 1, 0);
    private static final TimePeriod WEEK = new TimePeriod(TimeUnit.WEEK, 1);
    private static final double ALPHA = 0.05;
    private static final double Z = StandardNormal.quantile(1 - ALPHA / 2);

    private final int period;
    private final TimePeriod season;

    /** @param period weeks per season */
    SeasonalArimaModel(int period) {
        this.period = period;
        this.season = new TimePeriod(TimeUnit.WEEK, period);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int fitMinimum() {
        // The two differences take a season and a week; a quarter of a season is left to fit the MA term on.
        return period + 1 + Math.max(2, period / 4);
    }

    @Override
    public Projection project(double[] history, int steps) {
        if (history.length < fitMinimum()) {
            throw new ArithmeticException(history.length + " weeks are too few for " + NAME);
        }
        com.github.signaflo.timeseries.forecast.Forecast forecast;
        try {
            Arima model = Arima.model(TimeSeries.from(WEEK, history), ORDER, season, Arima.FittingStrategy.CSS);
            forecast = model.forecast(steps, ALPHA);
        } catch (RuntimeException failed) {
            // The library's optimiser and solvers throw whatever they meet (a singular matrix on a flat series).
            throw DemandModel.unfit(NAME, failed);
        }
        double[] mean = forecast.pointEstimates().asArray();
        double[] upper = forecast.upperPredictionInterval().asArray();
        double[] stdDev = new double[steps];
        for (int step = 0; step < steps; step++) {
            stdDev[step] = (upper[step] - mean[step]) / Z;
        }
        return new Projection(mean, stdDev);
    }
}
