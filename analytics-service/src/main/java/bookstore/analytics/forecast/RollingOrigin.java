package bookstore.analytics.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin evaluation: at each of the last {@code maxOrigins} weeks a model is fitted on the weeks before it and
 * forecasts up to {@code horizon} weeks ahead (fewer near the end of the history), and its errors are scored against
 * the actual weeks and against a naive baseline on the same origins and steps.
 */
final class RollingOrigin {

    private final int maxOrigins;
    private final int horizon;
    private final int period;

    RollingOrigin(int maxOrigins, int horizon, int period) {
        this.maxOrigins = maxOrigins;
        this.horizon = horizon;
        this.period = period;
    }

    /**
     * Scores each candidate; a candidate that cannot be fitted at some origin is left out.
     *
     * @param candidates the models, simplest first: among equal scores the earlier wins
     */
    Evaluation evaluate(double[] history, List<DemandModel> candidates) {
        int n = history.length;
        int fewest = 1;
        for (DemandModel candidate : candidates) {
            fewest = Math.max(fewest, candidate.fitMinimum());
        }
        int firstOrigin = Math.max(n - maxOrigins, fewest);
        if (firstOrigin >= n) {
            return Evaluation.none(horizon);
        }
        boolean seasonal = firstOrigin > period;
        double scale = baselineScale(history, firstOrigin, seasonal);
        Score baseline = score(null, history, firstOrigin, baselineErrors(history, firstOrigin, seasonal), scale);
        List<Score> scores = new ArrayList<>();
        for (DemandModel candidate : candidates) {
            try {
                scores.add(score(candidate, history, firstOrigin, modelErrors(candidate, history, firstOrigin), scale));
            } catch (ArithmeticException unfit) {
                // Left out of the comparison: a model that fails on part of the history is not trusted with all of it.
            }
        }
        return new Evaluation(
                n - firstOrigin, horizon, seasonal ? Backtest.SEASONAL_NAIVE : Backtest.NAIVE, baseline, scores);
    }

    private double[][] modelErrors(DemandModel model, double[] history, int firstOrigin) {
        // Scored as the forecast would be shown: demand is never below zero.
        return errors(history, firstOrigin, (origin, steps) -> Arrays.stream(
                        model.project(Arrays.copyOf(history, origin), steps).mean())
                .map(week -> Math.max(0, week))
                .toArray());
    }

    private double[][] baselineErrors(double[] history, int firstOrigin, boolean seasonal) {
        return errors(history, firstOrigin, (origin, steps) -> {
            double[] forecast = new double[steps];
            for (int step = 0; step < steps; step++) {
                // The same week a season earlier, as many seasons back as it takes to reach the training weeks; or
                // the last week before the origin.
                forecast[step] = seasonal ? history[origin + step - period * (step / period + 1)] : history[origin - 1];
            }
            return forecast;
        });
    }

    /** Actual less forecast at each origin (outer) and step ahead (inner). */
    private double[][] errors(double[] history, int firstOrigin, ForecastAtOrigin forecaster) {
        double[][] errors = new double[history.length - firstOrigin][];
        for (int origin = firstOrigin; origin < history.length; origin++) {
            int steps = Math.min(horizon, history.length - origin);
            double[] forecast = forecaster.forecast(origin, steps);
            double[] error = new double[steps];
            for (int step = 0; step < steps; step++) {
                error[step] = history[origin + step] - forecast[step];
            }
            errors[origin - firstOrigin] = error;
        }
        return errors;
    }

    /** The forecast of the {@code steps} weeks from {@code origin}, knowing only the weeks before it. */
    private interface ForecastAtOrigin {
        double[] forecast(int origin, int steps);
    }

    /** The baseline's in-sample mean absolute error on the weeks before the first origin; NaN without one. */
    private double baselineScale(double[] history, int firstOrigin, boolean seasonal) {
        int lag = seasonal ? period : 1;
        double sum = 0;
        int count = 0;
        for (int week = lag; week < firstOrigin; week++) {
            sum += Math.abs(history[week] - history[week - lag]);
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static Score score(DemandModel model, double[] history, int firstOrigin, double[][] errors, double scale) {
        double absolute = 0;
        int count = 0;
        double percentage = 0;
        int sold = 0;
        for (int index = 0; index < errors.length; index++) {
            for (int step = 0; step < errors[index].length; step++) {
                double actual = history[firstOrigin + index + step];
                absolute += Math.abs(errors[index][step]);
                count++;
                if (actual != 0) {
                    percentage += Math.abs(errors[index][step]) / actual;
                    sold++;
                }
            }
        }
        double mae = absolute / count;
        return new Score(
                model, errors, mae, sold == 0 ? null : 100 * percentage / sold, scale > 0 ? mae / scale : null);
    }

    /**
     * One model's (or the baseline's, without a model) errors, per origin and step ahead, and its scores.
     *
     * @param mae mean absolute error over every origin and step
     * @param mape in percent, over the weeks that sold something; null when none did
     * @param mase {@code mae} over the baseline's in-sample error; null when that is 0 or undefined
     */
    record Score(DemandModel model, double[][] errors, double mae, Double mape, Double mase) {}

    /**
     * The candidates' scores and the baseline's, on the same origins.
     *
     * @param baselineName {@link Backtest#SEASONAL_NAIVE} or {@link Backtest#NAIVE}; null without origins
     * @param scores in the order the candidates were given
     */
    record Evaluation(int origins, int horizon, String baselineName, Score baseline, List<Score> scores) {

        static Evaluation none(int horizon) {
            return new Evaluation(0, horizon, null, null, List.of());
        }

        /** The candidates that could be scored, the lowest mean absolute error first (the earlier on a tie). */
        List<DemandModel> ranked() {
            return scores.stream()
                    .sorted(Comparator.comparingDouble(Score::mae))
                    .map(Score::model)
                    .toList();
        }

        /** The evaluation of the model chosen, as a forecast reports it. */
        Backtest backtest(DemandModel chosen) {
            if (origins == 0) {
                return Backtest.none();
            }
            Map<String, Double> candidates = new LinkedHashMap<>();
            Score mine = null;
            for (Score score : scores) {
                candidates.put(score.model().name(), score.mase());
                if (score.model() == chosen) {
                    mine = score;
                }
            }
            if (mine == null) {
                throw new IllegalArgumentException(chosen.name() + " was not evaluated");
            }
            return new Backtest(
                    origins,
                    horizon,
                    baselineName,
                    mine.mase(),
                    mine.mape(),
                    baseline.mase(),
                    baseline.mape(),
                    candidates,
                    cumulativeErrors(mine.errors()));
        }

        private double[] cumulativeErrors(double[][] errors) {
            double[] rms = new double[horizon];
            int weeks = 0;
            while (weeks < horizon) {
                double squares = 0;
                int count = 0;
                for (double[] origin : errors) {
                    if (origin.length > weeks) {
                        double total = 0;
                        for (int step = 0; step <= weeks; step++) {
                            total += origin[step];
                        }
                        squares += total * total;
                        count++;
                    }
                }
                if (count == 0) {
                    break;
                }
                rms[weeks++] = Math.sqrt(squares / count);
            }
            return Arrays.copyOf(rms, weeks);
        }
    }
}
