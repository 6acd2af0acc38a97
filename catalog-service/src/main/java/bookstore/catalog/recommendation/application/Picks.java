package bookstore.catalog.recommendation.application;

import bookstore.catalog.search.application.BookHit;
import java.util.List;

/** Books picked for one customer, in stock and not bought yet, and what they are picked by. */
public record Picks(List<BookHit> picks, BasedOn basedOn) {

    public enum BasedOn {
        /** Analytics' personal picks, from what the customer and customers like them bought. */
        PURCHASES,
        /**
         * The shop's bestsellers (analytics' category bestsellers, then the catalogue's own ranking), for a customer
         * analytics has no picks for (a new one, say).
         */
        BESTSELLERS
    }
}
