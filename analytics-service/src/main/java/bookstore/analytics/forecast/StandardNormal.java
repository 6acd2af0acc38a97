package bookstore.analytics.forecast;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Quantiles of the standard normal distribution, for prediction intervals and safety stock. */
final class StandardNormal {

    // No random generator: only the inverse distribution function is used, which is thread-safe.
    private static final NormalDistribution DISTRIBUTION =
            new NormalDistribution(null, 0, 1, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private StandardNormal() {}

    /** The z such that P(Z ≤ z) = {@code probability}. */
    static double quantile(double probability) {
        return DISTRIBUTION.inverseCumulativeProbability(probability);
    }
}
