package bookstore.inventory.stock.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why stock on hand was adjusted outside receipts, orders and stocktakes. The reason fixes the
 * direction, so a "damaged" adjustment can never add copies by a slip of the sign.
 */
public enum AdjustmentReason {
    DAMAGED(Direction.DECREASE),
    LOST(Direction.DECREASE),
    RETURNED_TO_SUPPLIER(Direction.DECREASE),
    FOUND(Direction.INCREASE),
    CORRECTION(Direction.EITHER);

    private final Direction direction;

    AdjustmentReason(Direction direction) {
        this.direction = direction;
    }

    /** The reason a client names, e.g. {@code "DAMAGED"} or {@code "damaged"}. */
    public static AdjustmentReason parse(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidStockChangeException("reason", "a reason is required: " + codes());
        }
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidStockChangeException(
                    "reason", "unknown reason '" + code + "', expected one of " + codes());
        }
    }

    boolean allows(int change) {
        return switch (direction) {
            case DECREASE -> change < 0;
            case INCREASE -> change > 0;
            case EITHER -> change != 0;
        };
    }

    String directionDescription() {
        return switch (direction) {
            case DECREASE -> "removes copies, so its change must be negative";
            case INCREASE -> "adds copies, so its change must be positive";
            case EITHER -> "needs a change other than zero";
        };
    }

    private static String codes() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private enum Direction {
        DECREASE,
        INCREASE,
        EITHER
    }
}
