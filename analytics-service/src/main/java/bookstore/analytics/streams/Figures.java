package bookstore.analytics.streams;

/**
 * Sales figures of one book (or the shop) over a stretch of time.
 *
 * @param units copies sold, less copies returned
 * @param revenue revenue in minor units, less refunds of returned copies
 * @param lines order lines that sold it (a return is not a line)
 * @param returned copies returned
 */
public record Figures(long units, long revenue, long lines, long returned) {

    public static final Figures NONE = new Figures(0, 0, 0, 0);

    public static Figures of(SaleLine line) {
        return line.isReturn()
                ? new Figures(line.quantity(), line.revenue(), 0, -line.quantity())
                : new Figures(line.quantity(), line.revenue(), 1, 0);
    }

    public Figures plus(Figures other) {
        return new Figures(
                units + other.units, revenue + other.revenue, lines + other.lines, returned + other.returned);
    }
}
