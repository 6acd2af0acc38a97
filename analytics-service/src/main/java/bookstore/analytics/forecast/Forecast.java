package bookstore.analytics.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * Weekly demand forecast for the weeks after a history: a point forecast and a prediction interval per week, never
 * negative, and the backtest that chose the model.
 *
 * @param model the model that made it: {@code seasonal-regression}, {@code seasonal-arima}, {@code linear-trend},
 *     {@code mean} or {@code zero}
 * @param firstWeek the Monday of the first week forecast (the week after the history's last)
 * @param mean expected copies per week
 * @param lower the prediction interval's lower bound per week (at least 0)
 * @param upper the prediction interval's upper bound per week
 * @param backtest how the model did on the history
 */
public record Forecast(
        String model, LocalDate firstWeek, double[] mean, double[] lower, double[] upper, Backtest backtest) {

    public Forecast {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(firstWeek, "firstWeek");
        Objects.requireNonNull(backtest, "backtest");
        if (firstWeek.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a week starts on a Monday, not on " + firstWeek);
        }
        if (mean.length != lower.length || mean.length != upper.length) {
            throw new IllegalArgumentException("one lower and one upper bound per week forecast");
        }
        mean = mean.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    /** A copy of the point forecasts. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the lower bounds. */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** A copy of the upper bounds. */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    public int horizonWeeks() {
        return mean.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Forecast that
                && model.equals(that.model)
                && firstWeek.equals(that.firstWeek)
                && Arrays.equals(mean, that.mean)
                && Arrays.equals(lower, that.lower)
                && Arrays.equals(upper, that.upper)
                && backtest.equals(that.backtest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                model, firstWeek, Arrays.hashCode(mean), Arrays.hashCode(lower), Arrays.hashCode(upper), backtest);
    }

    @Override
    public String toString() {
        return "Forecast[model=" + model + ", firstWeek=" + firstWeek + ", mean=" + Arrays.toString(mean) + ", lower="
                + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + ", backtest=" + backtest + "]";
    }
}
