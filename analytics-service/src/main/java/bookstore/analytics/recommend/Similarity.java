package bookstore.analytics.recommend;

/**
 * How alike two books are by who buys them: the cosine of their order vectors, co(a,b) / √(n(a)·n(b)), where co is
 * the number of orders holding both and n the number of orders holding each.
 *
 * <p>Why cosine: raw co-occurrence and the confidence co/n(a) both put the bestsellers at the top of every list,
 * because they are in many baskets whatever else is there; cosine divides by both books' popularity, so it measures
 * the association rather than the traffic. Lift (co·N / n(a)·n(b)) divides by popularity twice and ranks books that
 * sold once or twice highest whenever they meet, and needs the total order count on every partition; Jaccard
 * co/(n(a)+n(b)−co) ranks pairs almost as cosine does. Cosine is symmetric (one count serves both books), lies in
 * [0, 1], and is the usual item-to-item measure. The minimum support keeps the small-number flukes out: two books
 * bought together once score 1.0 by cosine when neither sold otherwise.
 */
final class Similarity {

    private Similarity() {}

    static double cosine(long together, long ordersOfA, long ordersOfB) {
        if (together <= 0 || ordersOfA <= 0 || ordersOfB <= 0) {
            return 0;
        }
        return together / Math.sqrt((double) ordersOfA * ordersOfB);
    }
}
