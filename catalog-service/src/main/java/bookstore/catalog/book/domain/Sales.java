package bookstore.catalog.book.domain;

/**
 * How many copies of a book sold: the copies of order-service's sales less the copies that came back
 * from returns, as the catalogue last counted them, never below zero. It is what bestsellers rank by.
 *
 * @param revision how many sales facts (sales and returns) the count took in; it grows with every one,
 *     a return that lowers the units too, so a count with a lower revision is older news and read
 *     models ignore it
 */
public record Sales(long units, long revision) {

    public static final Sales NONE = new Sales(0, 0);

    public Sales {
        if (units < 0 || revision < 0) {
            throw new IllegalArgumentException("sales are counted from zero up");
        }
    }

    /**
     * This count with one more fact taken in: {@code copies} sold, or negative for copies returned. A
     * return of more than the count holds (its sale was never counted) leaves zero.
     */
    public Sales count(int copies) {
        return new Sales(Math.max(0, units + copies), revision + 1);
    }

    public boolean isOlderThan(long otherRevision) {
        return revision < otherRevision;
    }
}
