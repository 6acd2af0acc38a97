package bookstore.analytics.forecast;

import java.time.LocalDate;
import java.util.Random;

/** Weekly series with a known shape and seeded noise, for the forecasting tests. */
final class SyntheticSeries {

    static final LocalDate FIRST_WEEK = LocalDate.of(2024, 1, 1); // a Monday

    private SyntheticSeries() {}

    /** level + slope·t + amplitude·sin(2πt/52) + N(0, noise²), never below zero. */
    static WeeklySeries of(int weeks, double level, double slope, double amplitude, double noise, long seed) {
        Random random = new Random(seed);
        double[] values = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            double value =
                    level + slope * t + amplitude * Math.sin(2 * Math.PI * t / 52) + noise * random.nextGaussian();
            values[t] = Math.max(0, value);
        }
        return new WeeklySeries(FIRST_WEEK, values);
    }
}
