package bookstore.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReorderPlannerTests {

    private static final double Z_975 = 1.959964;
    private static final double Z_95 = 1.644854;
    private static final double Z_90 = 1.281552;

    private final ReorderPlanner planner = new ReorderPlanner();

    @Test
    void twoWeeksOfLeadTimeNeedTheirDemandPlusSafetyStockLessWhatIsAvailable() {
        Forecast forecast = forecast(new double[] {10, 20, 30, 40}, 2, 3, 4, 5);

        ReorderSuggestion suggestion = planner.suggest(forecast, 10, 14, 0.975);

        // 10 + 20 copies; the error over two weeks is 3; 1.96 × 3 = 5.88 copies of safety stock.
        assertThat(suggestion.leadTimeDemand()).isCloseTo(30, within(1e-9));
        assertThat(suggestion.demandStdDev()).isCloseTo(3, within(1e-9));
        assertThat(suggestion.safetyStock()).isCloseTo(Z_975 * 3, within(1e-5));
        assertThat(suggestion.reorderPoint()).isCloseTo(30 + Z_975 * 3, within(1e-5));
        assertThat(suggestion.orderQuantity()).isEqualTo(26); // 35.88 − 10, rounded up
        assertThat(suggestion.shouldOrder()).isTrue();
    }

    @Test
    void aLeadTimeInDaysTakesAShareOfItsLastWeek() {
        Forecast forecast = forecast(new double[] {10, 20, 30, 40}, 2, 3, 4, 5);

        ReorderSuggestion suggestion = planner.suggest(forecast, 0, 10, 0.95);

        // Ten days: the first week and 3/7 of the second, for the demand and for its error.
        assertThat(suggestion.leadTimeDemand()).isCloseTo(10 + 20 * 3 / 7.0, within(1e-9));
        assertThat(suggestion.demandStdDev()).isCloseTo(2 + 3 / 7.0, within(1e-9));
        assertThat(suggestion.reorderPoint()).isCloseTo(18.571429 + Z_95 * 2.428571, within(1e-5));
        assertThat(suggestion.orderQuantity()).isEqualTo(23); // 22.57 rounded up
    }

    @Test
    void beyondTheBacktestsHorizonTheErrorGrowsWithTheSquareRootOfTime() {
        double[] weekly = new double[8];
        Arrays.fill(weekly, 10);
        Forecast forecast = forecast(weekly, 2, 3, 4, 5);

        ReorderSuggestion suggestion = planner.suggest(forecast, 50, 56, 0.9);

        assertThat(suggestion.leadTimeDemand()).isCloseTo(80, within(1e-9));
        assertThat(suggestion.demandStdDev()).isCloseTo(5 * Math.sqrt(2), within(1e-9));
        assertThat(suggestion.safetyStock()).isCloseTo(Z_90 * 7.071068, within(1e-5));
        assertThat(suggestion.orderQuantity()).isEqualTo(40); // 89.06 − 50, rounded up
    }

    @Test
    void aLeadTimeFromTodayLeavesOutTheDaysOfTheWeekAlreadyPast() {
        Forecast forecast = forecast(new double[] {7, 14, 21, 28}, 2, 3, 4, 5);
        LocalDate thursday = forecast.firstWeek().plusDays(3);

        ReorderSuggestion suggestion = planner.suggest(forecast, 4, 7, 0.5, thursday);

        // Thursday to Sunday of the first week (4 × 1 copy a day), Monday to Wednesday of the second (3 × 2).
        assertThat(suggestion.leadTimeDemand()).isCloseTo(10, within(1e-9));
        assertThat(suggestion.demandStdDev()).isCloseTo(2, within(1e-9));
        assertThat(suggestion.orderQuantity()).isEqualTo(6);
        assertThatThrownBy(() -> planner.suggest(
                        forecast, 4, 7, 0.5, forecast.firstWeek().minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> planner.suggest(forecast, 4, 26, 0.5, thursday))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 weeks");
        assertThat(planner.suggest(forecast, 4, 25, 0.5, thursday).leadTimeDemand())
                .isCloseTo(7 + 14 + 21 + 28 - 3, within(1e-9));
    }

    @Test
    void enoughAvailableCopiesNeedNoOrder() {
        Forecast forecast = forecast(new double[] {10, 20, 30, 40}, 2, 3, 4, 5);

        assertThat(planner.suggest(forecast, 100, 14, 0.975).orderQuantity()).isZero();
        assertThat(planner.suggest(forecast, 100, 14, 0.975).shouldOrder()).isFalse();
        // At a service level of one half there is no safety stock: exactly the demand is enough.
        assertThat(planner.suggest(forecast, 30, 14, 0.5).orderQuantity()).isZero();
        assertThat(planner.suggest(forecast, 29, 14, 0.5).orderQuantity()).isEqualTo(1);
    }

    @Test
    void withoutABacktestDemandIsTakenAsAPoissonCount() {
        Forecast forecast = new Forecast(
                MeanModel.NAME,
                SyntheticSeries.FIRST_WEEK,
                new double[] {4, 4},
                new double[2],
                new double[] {8, 8},
                Backtest.none());

        ReorderSuggestion suggestion = planner.suggest(forecast, 1, 7, 0.8413447);

        // Four copies a week: a standard deviation of 2, and z = 1 at 84.13 %.
        assertThat(suggestion.demandStdDev()).isCloseTo(2, within(1e-9));
        assertThat(suggestion.safetyStock()).isCloseTo(2, within(1e-5));
        assertThat(suggestion.orderQuantity()).isEqualTo(5);
    }

    @Test
    void anOversoldTitleWithoutLeadTimeOrdersWhatIsOwed() {
        Forecast forecast = forecast(new double[] {10, 20}, 2, 3);

        ReorderSuggestion suggestion = planner.suggest(forecast, -3, 0, 0.95);

        assertThat(suggestion.leadTimeDemand()).isZero();
        assertThat(suggestion.safetyStock()).isZero();
        assertThat(suggestion.orderQuantity()).isEqualTo(3);
    }

    @Test
    void refusesALeadTimeBeyondTheForecastAndServiceLevelsOutsideOneHalfToOne() {
        Forecast forecast = forecast(new double[] {10, 20, 30, 40}, 2, 3, 4, 5);

        assertThatThrownBy(() -> planner.suggest(forecast, 0, 29, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 weeks");
        assertThatThrownBy(() -> planner.suggest(forecast, 0, -1, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> planner.suggest(forecast, 0, 7, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> planner.suggest(forecast, 0, 7, 0.4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRealForecastGivesAWholeNonNegativeOrder() {
        Forecast forecast = new DemandForecaster(DemandForecaster.Settings.defaults())
                .forecast(SyntheticSeries.of(104, 40, 0.3, 15, 3, 2), 8);

        ReorderSuggestion suggestion = planner.suggest(forecast, 12, 21, 0.95);

        double[] mean = forecast.mean();
        assertThat(suggestion.leadTimeDemand()).isCloseTo(mean[0] + mean[1] + mean[2], within(1e-9));
        assertThat(suggestion.demandStdDev()).isCloseTo(forecast.backtest().cumulativeErrors()[2], within(1e-9));
        assertThat(suggestion.orderQuantity())
                .isEqualTo((int) Math.ceil(suggestion.leadTimeDemand() + suggestion.safetyStock() - 12));
    }

    /** A forecast with the given weekly means and backtest errors over the first 1, 2, … weeks. */
    private static Forecast forecast(double[] mean, double... cumulativeErrors) {
        Backtest backtest = new Backtest(
                13, cumulativeErrors.length, Backtest.SEASONAL_NAIVE, 0.5, 10.0, 1.0, 20.0, Map.of(), cumulativeErrors);
        double[] upper = Arrays.stream(mean).map(week -> week * 2).toArray();
        return new Forecast(
                TrendRegressionModel.SEASONAL,
                SyntheticSeries.FIRST_WEEK,
                mean,
                new double[mean.length],
                upper,
                backtest);
    }
}
