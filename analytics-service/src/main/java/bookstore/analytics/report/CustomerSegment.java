package bookstore.analytics.report;

import bookstore.events.Money;
import java.time.LocalDate;

/**
 * One customer's standing as of a day: their orders, scores from 1 to 5 against every customer then, and segment.
 *
 * @param customer the pseudonym analytics knows them by
 */
public record CustomerSegment(
        String customer,
        LocalDate asOf,
        LocalDate firstOrder,
        LocalDate lastOrder,
        long orders,
        Money spent,
        int recency,
        int frequency,
        int monetary,
        Segment segment) {}
