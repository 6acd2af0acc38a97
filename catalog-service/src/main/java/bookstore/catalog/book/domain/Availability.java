package bookstore.catalog.book.domain;

/**
 * What the catalogue last heard from inventory about a book's stock. It is a copy, kept current from
 * inventory's events: eventually consistent, good enough to show "in stock", never used to reserve.
 *
 * @param version inventory's version of the stock record; a fact with a version not above this one
 *     is old news and is ignored
 */
public record Availability(int available, long version) {

    public Availability {
        if (available < 0) {
            throw new IllegalArgumentException("available stock cannot be negative");
        }
    }

    /** Before inventory has said anything: the stock the book was added with. */
    public static Availability initial(int stock) {
        return new Availability(stock, 0);
    }

    public boolean inStock() {
        return available > 0;
    }

    public boolean isOlderThan(long otherVersion) {
        return version < otherVersion;
    }
}
