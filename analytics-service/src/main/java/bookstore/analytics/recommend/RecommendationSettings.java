package bookstore.analytics.recommend;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How analytics computes and publishes recommendations.
 *
 * @param minSupport the fewest orders two books must share before one recommends the other: below it a cosine
 *     rests on chance (two single orders give a perfect 1.0)
 * @param listSize how many books each published list holds at most (the contract allows 50)
 * @param window how far back the category bestsellers look, in whole days of the shop's calendar (whose midnight
 *     moves the window)
 * @param publishInterval how often the subjects that changed are published: the delay from a confirmed order to its
 *     updated lists
 * @param publishBatch the most subjects one task publishes per interval, so a burst (an import of two years) is
 *     spread over several intervals instead of one long punctuation
 * @param basketMemory how long an order's basket is kept after its last line, for lines that arrive late
 */
@ConfigurationProperties("bookstore.analytics.recommendations")
public record RecommendationSettings(
        @DefaultValue("2") int minSupport,
        @DefaultValue("20") int listSize,
        @DefaultValue("30d") Duration window,
        @DefaultValue("30s") Duration publishInterval,
        @DefaultValue("500") int publishBatch,
        @DefaultValue("14d") Duration basketMemory) {

    public RecommendationSettings {
        if (minSupport < 1) {
            throw new IllegalArgumentException("minSupport must be at least 1, was " + minSupport);
        }
        if (listSize < 1 || listSize > 50) {
            throw new IllegalArgumentException("listSize must be between 1 and 50, was " + listSize);
        }
        if (window.toDays() < 1 || !window.equals(Duration.ofDays(window.toDays()))) {
            throw new IllegalArgumentException("window must be a whole number of days, was " + window);
        }
        if (publishInterval.isNegative() || publishInterval.isZero()) {
            throw new IllegalArgumentException("publishInterval must be positive, was " + publishInterval);
        }
        if (publishBatch < 1) {
            throw new IllegalArgumentException("publishBatch must be at least 1, was " + publishBatch);
        }
        if (basketMemory.isNegative() || basketMemory.isZero()) {
            throw new IllegalArgumentException("basketMemory must be positive, was " + basketMemory);
        }
    }

    int windowDays() {
        return (int) window.toDays();
    }
}
