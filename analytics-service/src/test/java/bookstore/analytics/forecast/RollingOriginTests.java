package bookstore.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RollingOriginTests {

    @Test
    void aStraightLineIsForecastWithoutErrorWhileTheNaiveBaselineLagsBehind() {
        double[] line = new double[20];
        for (int t = 0; t < line.length; t++) {
            line[t] = t;
        }
        DemandModel linear = TrendRegressionModel.linear();

        RollingOrigin.Evaluation evaluation = new RollingOrigin(4, 2, 52).evaluate(line, List.of(linear));
        Backtest backtest = evaluation.backtest(linear);

        // Origins 16 to 19; naive forecasts the last week's value: off by 1 a week ahead and 2 two weeks ahead.
        assertThat(backtest.origins()).isEqualTo(4);
        assertThat(backtest.baseline()).isEqualTo(Backtest.NAIVE);
        assertThat(backtest.baselineMase()).isCloseTo((1 + 2 + 1 + 2 + 1 + 2 + 1) / 7.0, within(1e-9));
        double baselineMape = 100 * (1 / 16.0 + 2 / 17.0 + 1 / 17.0 + 2 / 18.0 + 1 / 18.0 + 2 / 19.0 + 1 / 19.0) / 7;
        assertThat(backtest.baselineMape()).isCloseTo(baselineMape, within(1e-9));
        assertThat(backtest.mase()).isCloseTo(0, within(1e-9));
        assertThat(backtest.cumulativeErrors()).hasSize(2);
        assertThat(backtest.cumulativeErrors()[1]).isCloseTo(0, within(1e-9));
    }

    @Test
    void errorsOverTheFirstWeeksAddUpPerOriginAndAFlatStartLeavesMaseUndefined() {
        double[] history = {0, 0, 0, 0, 4, 8};
        DemandModel mean = new MeanModel(52);

        Backtest backtest =
                new RollingOrigin(2, 2, 52).evaluate(history, List.of(mean)).backtest(mean);

        // Origin 4 forecasts 0 (errors 4 and 8); origin 5 forecasts 0.8 (error 7.2, one week left).
        assertThat(backtest.origins()).isEqualTo(2);
        assertThat(backtest.cumulativeErrors()[0]).isCloseTo(Math.sqrt((4 * 4 + 7.2 * 7.2) / 2), within(1e-9));
        assertThat(backtest.cumulativeErrors()[1]).isCloseTo(12, within(1e-9));
        assertThat(backtest.mape()).isCloseTo(100 * (1 + 1 + 7.2 / 8) / 3, within(1e-9));
        // Nothing changed before the first origin: there is no scale to measure the errors by.
        assertThat(backtest.mase()).isNull();
        assertThat(backtest.baselineMase()).isNull();
    }

    @Test
    void theBaselineIsLastSeasonsWeekOnceTheHistoryBeforeTheOriginsHoldsASeason() {
        double[] seasonal = new double[20];
        for (int t = 0; t < seasonal.length; t++) {
            seasonal[t] = 10 + (t % 4) * 5 + t;
        }
        DemandModel mean = new MeanModel(4);

        Backtest backtest =
                new RollingOrigin(6, 3, 4).evaluate(seasonal, List.of(mean)).backtest(mean);

        // y[t] − y[t−4] is 4 everywhere, in sample and out: the seasonal naive's MASE is 1.
        assertThat(backtest.baseline()).isEqualTo(Backtest.SEASONAL_NAIVE);
        assertThat(backtest.baselineMase()).isCloseTo(1, within(1e-9));
    }

    @Test
    void aModelThatCannotBeFittedIsLeftOutOfTheComparison() {
        DemandModel failing = new DemandModel() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public int fitMinimum() {
                return 1;
            }

            @Override
            public Projection project(double[] history, int steps) {
                throw new ArithmeticException("no fit");
            }
        };
        DemandModel mean = new MeanModel(52);

        RollingOrigin.Evaluation evaluation =
                new RollingOrigin(4, 2, 52).evaluate(new double[] {1, 2, 3, 4, 5, 6}, List.of(failing, mean));

        assertThat(evaluation.ranked()).containsExactly(mean);
        assertThat(evaluation.backtest(mean).candidates()).containsOnlyKeys(MeanModel.NAME);
    }

    @Test
    void aHistoryTooShortForAnOriginHasNoBacktest() {
        DemandModel mean = new MeanModel(52);

        RollingOrigin.Evaluation evaluation = new RollingOrigin(4, 2, 52).evaluate(new double[] {3}, List.of(mean));

        assertThat(evaluation.origins()).isZero();
        assertThat(evaluation.backtest(mean)).isEqualTo(Backtest.none());
    }
}
