package bookstore.analytics.streams;

/**
 * The shop's figures on one day, or one partition's share of them (shares add up).
 *
 * @param orders orders placed that day that sold something (a return does not count as an order)
 */
public record ShopDay(long orders, Figures figures) {

    public static final ShopDay NONE = new ShopDay(0, Figures.NONE);

    public ShopDay plus(ShopDay other) {
        return new ShopDay(orders + other.orders, figures.plus(other.figures));
    }
}
