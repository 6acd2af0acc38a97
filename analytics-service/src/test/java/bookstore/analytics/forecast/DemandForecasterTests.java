package bookstore.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemandForecasterTests {

    private final DemandForecaster forecaster = new DemandForecaster(DemandForecaster.Settings.defaults());

    @ParameterizedTest(name = "{0} weeks, seed {1}")
    @CsvSource({"104, 1", "104, 2", "130, 3", "130, 4", "156, 5", "156, 6"})
    void aSeasonalSeriesWithATrendIsForecastWithItsSlopeAndPeaksAndBeatsSeasonalNaive(int weeks, long seed) {
        WeeklySeries history = SyntheticSeries.of(weeks, 40, 0.3, 15, 3, seed);

        Forecast forecast = forecaster.forecast(history, 104);

        assertThat(forecast.model()).isIn(TrendRegressionModel.SEASONAL, SeasonalArimaModel.NAME);
        double[] mean = forecast.mean();
        assertThat(yearOverYearSlope(mean)).isCloseTo(0.3, within(0.05));
        // The yearly shape of the forecast, trend removed: its first harmonic peaks where sin(2πt/52) does.
        Harmonic season = firstHarmonic(mean, weeks, yearOverYearSlope(mean));
        assertThat(circularDistance(season.peakWeek(), 13)).isLessThan(2.0);
        assertThat(circularDistance(season.peakWeek() + 26, 39)).isLessThan(2.0);
        assertThat(season.amplitude()).isCloseTo(15, within(2.5));
        Backtest backtest = forecast.backtest();
        assertThat(backtest.baseline()).isEqualTo(Backtest.SEASONAL_NAIVE);
        assertThat(backtest.origins()).isEqualTo(13);
        assertThat(backtest.mase()).isLessThan(backtest.baselineMase());
        assertThat(backtest.mape()).isLessThan(backtest.baselineMape());
        assertThat(backtest.candidates())
                .containsOnlyKeys(
                        MeanModel.NAME,
                        TrendRegressionModel.LINEAR,
                        TrendRegressionModel.SEASONAL,
                        SeasonalArimaModel.NAME);
        assertThat(backtest.candidates().get(forecast.model())).isEqualTo(backtest.mase());
    }

    @Test
    void theLibrarysSeasonalArimaAlsoBeatsSeasonalNaiveOnTheSameSeries() {
        WeeklySeries history = SyntheticSeries.of(156, 40, 0.3, 15, 3, 11);

        Backtest backtest = forecaster.forecast(history, 13).backtest();

        assertThat(backtest.candidates().get(SeasonalArimaModel.NAME)).isLessThan(backtest.baselineMase());
        assertThat(backtest.candidates().get(TrendRegressionModel.SEASONAL)).isLessThan(backtest.baselineMase());
    }

    @Test
    void aSharpPeakEveryYearIsForecastAgain() {
        // 双十一: ten times the usual week, in week 45 of every year.
        double[] values = new double[156];
        Random random = new Random(17);
        for (int t = 0; t < values.length; t++) {
            values[t] = Math.max(0, 10 + 2 * random.nextGaussian()) + (t % 52 == 45 ? 90 : 0);
        }

        Forecast forecast = forecaster.forecast(new WeeklySeries(SyntheticSeries.FIRST_WEEK, values), 52);

        // The backtest's last 13 weeks hold last year's peak, which the library's seasonal ARIMA repeats and a few
        // harmonics smooth away.
        assertThat(forecast.model()).isEqualTo(SeasonalArimaModel.NAME);
        double[] mean = forecast.mean();
        int peak = 45; // 156 weeks of history: the forecast's week h is week h of a year
        assertThat(mean[peak]).isGreaterThan(3 * mean[peak - 4]).isGreaterThan(3 * mean[peak + 4]);
    }

    @Test
    void aSeriesWithATrendAndNoSeasonIsForecastAsItsTrend() {
        WeeklySeries history = SyntheticSeries.of(104, 20, 0.5, 0, 2, 3);

        Forecast forecast = forecaster.forecast(history, 26);

        double[] mean = forecast.mean();
        for (int week = 0; week < mean.length; week++) {
            assertThat(mean[week]).isCloseTo(20 + 0.5 * (104 + week), within(3.0));
        }
        assertThat((mean[25] - mean[0]) / 25).isCloseTo(0.5, within(0.05));
    }

    @Test
    void aShortHistoryWithATrendGetsTheLinearTrend() {
        WeeklySeries history = SyntheticSeries.of(20, 5, 1, 0, 1, 3);

        Forecast forecast = forecaster.forecast(history, 8);

        assertThat(forecast.model()).isEqualTo(TrendRegressionModel.LINEAR);
        double[] mean = forecast.mean();
        assertThat(mean[7] - mean[0]).isCloseTo(7.0, within(1.0));
        assertThat(mean[0]).isCloseTo(25, within(2.0));
        assertThat(forecast.backtest().baseline()).isEqualTo(Backtest.NAIVE);
        assertThat(forecast.backtest().candidates()).containsOnlyKeys(MeanModel.NAME, TrendRegressionModel.LINEAR);
        assertThat(forecast.backtest().mase()).isLessThan(forecast.backtest().baselineMase());
    }

    @Test
    void aFallingTrendIsForecastDownToZeroAndNeverBelow() {
        double[] values = new double[30];
        for (int t = 0; t < values.length; t++) {
            values[t] = 60 - 2 * t;
        }

        Forecast forecast = forecaster.forecast(new WeeklySeries(SyntheticSeries.FIRST_WEEK, values), 26);

        assertThat(forecast.model()).isEqualTo(TrendRegressionModel.LINEAR);
        assertThat(forecast.mean()[0]).isCloseTo(0, within(1e-6));
        assertThat(each(forecast.mean())).allSatisfy(week -> assertThat(week).isGreaterThanOrEqualTo(0));
        assertThat(each(forecast.lower())).allSatisfy(week -> assertThat(week).isGreaterThanOrEqualTo(0));
    }

    @Test
    void aFlatHistoryIsForecastFlatEvenWhereAModelCannotBeFittedToIt() {
        double[] values = new double[104];
        Arrays.fill(values, 5);

        Forecast forecast = forecaster.forecast(new WeeklySeries(SyntheticSeries.FIRST_WEEK, values), 8);

        assertThat(forecast.model()).isEqualTo(MeanModel.NAME);
        assertThat(forecast.mean()).containsOnly(5.0);
        assertThat(each(forecast.upper())).allSatisfy(week -> assertThat(week).isCloseTo(5, within(1e-6)));
        assertThat(forecast.backtest().mase()).isNull(); // no change in the history: no scale
    }

    @Test
    void aHistoryWithoutASaleIsForecastAsZeros() {
        Forecast forecast = forecaster.forecast(new WeeklySeries(SyntheticSeries.FIRST_WEEK, new double[104]), 12);

        assertThat(forecast.model()).isEqualTo(ZeroModel.NAME);
        assertThat(forecast.mean()).containsOnly(0.0).hasSize(12);
        assertThat(forecast.lower()).containsOnly(0.0);
        assertThat(forecast.upper()).containsOnly(0.0);
        assertThat(forecast.backtest().origins()).isEqualTo(13);
        assertThat(forecast.backtest().mase()).isNull();
        assertThat(forecast.backtest().mape()).isNull();
        assertThat(forecast.backtest().baselineMase()).isNull();
        assertThat(forecast.backtest().cumulativeErrors()).containsOnly(0.0);
    }

    @Test
    void noHistoryAtAllIsForecastAsZerosWithoutABacktest() {
        Forecast forecast = forecaster.forecast(new WeeklySeries(SyntheticSeries.FIRST_WEEK, new double[0]), 4);

        assertThat(forecast.model()).isEqualTo(ZeroModel.NAME);
        assertThat(forecast.firstWeek()).isEqualTo(SyntheticSeries.FIRST_WEEK);
        assertThat(forecast.mean()).containsExactly(0, 0, 0, 0);
        assertThat(forecast.backtest()).isEqualTo(Backtest.none());
    }

    @Test
    void aFewWeeksAreForecastAsTheirAverage() {
        WeeklySeries history = new WeeklySeries(SyntheticSeries.FIRST_WEEK, new double[] {2, 0, 1, 3});

        Forecast forecast = forecaster.forecast(history, 3);

        assertThat(forecast.model()).isEqualTo(MeanModel.NAME);
        assertThat(forecast.mean()).containsExactly(1.5, 1.5, 1.5);
        assertThat(forecast.firstWeek()).isEqualTo(LocalDate.of(2024, 1, 29));
        assertThat(forecast.backtest().candidates()).containsOnlyKeys(MeanModel.NAME);
    }

    @Test
    void aTitleThatSellsACopyNowAndThenGetsASmallForecastWithoutNaN() {
        double[] values = new double[104];
        Random random = new Random(5);
        for (int t = 0; t < values.length; t++) {
            values[t] = random.nextDouble() < 0.08 ? 1 : 0;
        }

        Forecast forecast = forecaster.forecast(new WeeklySeries(SyntheticSeries.FIRST_WEEK, values), 26);

        assertThat(each(forecast.mean()))
                .allSatisfy(week -> assertThat(week).isFinite().isBetween(0.0, 1.0));
        assertThat(each(forecast.lower()))
                .allSatisfy(week -> assertThat(week).isFinite().isGreaterThanOrEqualTo(0));
        assertThat(each(forecast.upper()))
                .allSatisfy(week -> assertThat(week).isFinite().isLessThan(5.0));
        Backtest backtest = forecast.backtest();
        for (Double measure : new Double[] {backtest.mase(), backtest.mape(), backtest.baselineMase()}) {
            assertThat(measure == null || Double.isFinite(measure)).isTrue();
        }
        assertThat(each(backtest.cumulativeErrors()))
                .allSatisfy(error -> assertThat(error).isFinite());
    }

    @ParameterizedTest(name = "{0} weeks, slope {1}, season {2}")
    @CsvSource({"156, 0.3, 15", "104, 0.5, 0", "20, 1, 0", "6, 0, 0"})
    void theIntervalHoldsTheForecastAndWidensWithTheHorizon(int weeks, double slope, double amplitude) {
        WeeklySeries history = SyntheticSeries.of(weeks, 30, slope, amplitude, 2, 9);

        Forecast forecast = forecaster.forecast(history, 52);

        double[] mean = forecast.mean();
        double[] lower = forecast.lower();
        double[] upper = forecast.upper();
        for (int week = 0; week < mean.length; week++) {
            assertThat(lower[week]).isLessThanOrEqualTo(mean[week]);
            assertThat(upper[week]).isGreaterThan(mean[week]);
            if (week > 0) {
                assertThat(upper[week] - mean[week]).isGreaterThanOrEqualTo(upper[week - 1] - mean[week - 1]);
            }
        }
        if (!forecast.model().equals(MeanModel.NAME)) {
            // A model with a trend knows a year ahead less well than next week.
            assertThat(upper[51] - lower[51]).isGreaterThan(upper[0] - lower[0]);
        }
    }

    @Test
    void aboutNineInTenWeeksToComeFallInTheNinetyPercentInterval() {
        int inside = 0;
        int weeks = 0;
        for (long seed = 1; seed <= 10; seed++) {
            // The history and the weeks after it, from one generator: the forecast sees the first 156 weeks only.
            double[] all = SyntheticSeries.of(156 + 13, 40, 0.3, 15, 3, seed).values();
            WeeklySeries history = new WeeklySeries(SyntheticSeries.FIRST_WEEK, Arrays.copyOf(all, 156));

            Forecast forecast = forecaster.forecast(history, 13);

            for (int week = 0; week < 13; week++) {
                double actual = all[156 + week];
                inside += forecast.lower()[week] <= actual && actual <= forecast.upper()[week] ? 1 : 0;
                weeks++;
            }
        }
        assertThat((double) inside / weeks).isBetween(0.8, 0.99);
    }

    @Test
    void theIntervalLevelSetsItsWidth() {
        WeeklySeries history = SyntheticSeries.of(40, 30, 0.5, 0, 3, 4);
        DemandForecaster.Settings defaults = DemandForecaster.Settings.defaults();
        DemandForecaster wider = new DemandForecaster(
                new DemandForecaster.Settings(52, 0.99, defaults.minLinearWeeks(), defaults.minSeasonalWeeks(), 13, 8));

        Forecast at90 = forecaster.forecast(history, 4);
        Forecast at99 = wider.forecast(history, 4);

        assertThat(at99.mean()).containsExactly(at90.mean());
        double ratio = (at99.upper()[0] - at99.mean()[0]) / (at90.upper()[0] - at90.mean()[0]);
        assertThat(ratio).isCloseTo(2.575829 / 1.644854, within(1e-4));
    }

    @Test
    void forecastsStartTheWeekAfterTheHistory() {
        WeeklySeries history = SyntheticSeries.of(10, 5, 0, 0, 1, 1);

        assertThat(forecaster.forecast(history, 1).firstWeek()).isEqualTo(LocalDate.of(2024, 3, 11));
    }

    @Test
    void refusesAHorizonOutsideOneToTenYears() {
        WeeklySeries history = SyntheticSeries.of(10, 5, 0, 0, 1, 1);

        assertThatThrownBy(() -> forecaster.forecast(history, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> forecaster.forecast(history, 521)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new DemandForecaster.Settings(52, 1.0, 8, 104, 13, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemandForecaster.Settings(52, 0.9, 2, 104, 13, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemandForecaster.Settings(52, 0.9, 8, 52, 13, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("66 weeks");
        assertThatThrownBy(() -> new DemandForecaster.Settings(52, 0.9, 8, 104, 0, 8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The average change from a week to the same week a year later, per week. */
    private static double yearOverYearSlope(double[] mean) {
        double total = 0;
        for (int week = 0; week + 52 < mean.length; week++) {
            total += (mean[week + 52] - mean[week]) / 52;
        }
        return total / (mean.length - 52);
    }

    private record Harmonic(double peakWeek, double amplitude) {}

    /** The yearly sine in the first 52 weeks of a forecast that starts at week {@code start} of the series. */
    private static Harmonic firstHarmonic(double[] mean, int start, double slope) {
        double sine = 0;
        double cosine = 0;
        for (int week = 0; week < 52; week++) {
            double angle = 2 * Math.PI * (start + week) / 52;
            double detrended = mean[week] - slope * week;
            sine += detrended * Math.sin(angle);
            cosine += detrended * Math.cos(angle);
        }
        double phase = Math.atan2(sine, cosine); // the sine peaks where the angle equals the phase
        double peak = ((phase * 52 / (2 * Math.PI)) % 52 + 52) % 52;
        return new Harmonic(peak, 2 * Math.hypot(sine, cosine) / 52);
    }

    private static double circularDistance(double week, double other) {
        double distance = Math.abs(week - other) % 52;
        return Math.min(distance, 52 - distance);
    }

    private static List<Double> each(double[] weeks) {
        return Arrays.stream(weeks).boxed().toList();
    }
}
