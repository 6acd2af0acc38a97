package bookstore.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How long one forecast of two years of weekly history takes once the JIT has warmed up, printed for the record (the
 * machine is shared, so nothing asserts a time). Forecasts are precomputed for every title that sells, so this is per
 * title.
 */
class ForecastTimingTests {

    @Test
    void forecastsOfTheSameHistoryAreTheSameAndTheirTimeIsPrinted() {
        DemandForecaster forecaster = new DemandForecaster(DemandForecaster.Settings.defaults());
        WeeklySeries history = SyntheticSeries.of(104, 40, 0.3, 15, 3, 21);
        long cold = System.nanoTime();
        Forecast first = forecaster.forecast(history, 26);
        double coldMillis = (System.nanoTime() - cold) / 1e6;
        for (int warmUp = 0; warmUp < 200; warmUp++) {
            forecaster.forecast(history, 26);
        }

        int runs = 200;
        Forecast last = null;
        long start = System.nanoTime();
        for (int run = 0; run < runs; run++) {
            last = forecaster.forecast(history, 26);
        }
        double millis = (System.nanoTime() - start) / 1e6 / runs;

        System.out.printf(
                "One forecast of 104 weeks (26 ahead, model %s, %d candidates over %d origins): %.2f ms warmed up,"
                        + " %.0f ms the first (class loading, no JIT yet)%n",
                last.model(),
                last.backtest().candidates().size(),
                last.backtest().origins(),
                millis,
                coldMillis);
        // Precomputed forecasts are only comparable if a history always gives the same forecast.
        assertThat(last).isEqualTo(first);
    }
}
