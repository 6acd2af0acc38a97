package bookstore.analytics.forecast;

import java.util.Arrays;

/**
 * The average week of the last season (or of the whole history when it is shorter), for histories too short or too
 * erratic for anything else: most titles in a long tail sell a copy now and then, and their best forecast is their
 * recent rate.
 */
final class MeanModel implements DemandModel {

    static final String NAME = "mean";

    private final int window;

    /** @param window how many of the latest weeks to average (the seasonal period) */
    MeanModel(int window) {
        this.window = window;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int fitMinimum() {
        return 1;
    }

    @Override
    public Projection project(double[] history, int steps) {
        int count = Math.min(window, history.length);
        double sum = 0;
        for (int week = history.length - count; week < history.length; week++) {
            sum += history[week];
        }
        double mean = sum / count;
        double squares = 0;
        for (int week = history.length - count; week < history.length; week++) {
            squares += (history[week] - mean) * (history[week] - mean);
        }
        // One week alone says nothing about spread: take it as a Poisson count, whose variance is its mean.
        double variance = count > 1 ? squares / (count - 1) : mean;
        // A new week's error: its own spread plus the uncertainty of the mean; the same at every step.
        double stdDev = Math.sqrt(variance * (1 + 1.0 / count));
        double[] means = new double[steps];
        double[] stdDevs = new double[steps];
        Arrays.fill(means, mean);
        Arrays.fill(stdDevs, stdDev);
        return new Projection(means, stdDevs);
    }
}
