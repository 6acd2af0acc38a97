package bookstore.analytics.report;

/**
 * Named customer segments from recency (R) and frequency (F) scores, each 1 (worst) to 5 (best):
 *
 * <pre>
 *            F 1           F 2          F 3        F 4–5
 * R 4–5      NEW           POTENTIAL    LOYAL      CHAMPIONS
 * R 3        NEEDS_ATTENTION              LOYAL      LOYAL
 * R 1–2      HIBERNATING                AT_RISK    AT_RISK
 * </pre>
 */
public enum Segment {
    CHAMPIONS,
    LOYAL,
    POTENTIAL,
    NEW,
    NEEDS_ATTENTION,
    AT_RISK,
    HIBERNATING;

    public static Segment of(int recency, int frequency) {
        if (recency >= 4) {
            return switch (frequency) {
                case 1 -> NEW;
                case 2 -> POTENTIAL;
                case 3 -> LOYAL;
                default -> CHAMPIONS;
            };
        }
        if (recency == 3) {
            return frequency >= 3 ? LOYAL : NEEDS_ATTENTION;
        }
        return frequency >= 3 ? AT_RISK : HIBERNATING;
    }
}
