package bookstore.analytics.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Customers who ordered in each period, new (their first order) and returning, accounts opened, and the
 * repeat-purchase rate as of the end of the range. Customers are pseudonymous: counted, never named.
 *
 * @param customersToDate customers with an order up to {@code to}
 * @param repeatCustomers of those, customers with two orders or more
 * @param repeatPurchaseRate repeat ÷ all customers to date (0 without customers)
 */
public record CustomersReport(
        LocalDate from,
        LocalDate to,
        Granularity granularity,
        List<Period> periods,
        long customersToDate,
        long repeatCustomers,
        double repeatPurchaseRate)
        implements Tabular {

    /** @param registrations accounts opened (imported history has none) */
    public record Period(
            LocalDate start,
            LocalDate end,
            long customers,
            long newCustomers,
            long returningCustomers,
            long registrations) {}

    @Override
    public List<String> columns() {
        return List.of("start", "end", "customers", "new_customers", "returning_customers", "registrations");
    }

    @Override
    public List<List<Object>> rows() {
        return periods.stream()
                .map(period -> List.<Object>of(
                        period.start(),
                        period.end(),
                        period.customers(),
                        period.newCustomers(),
                        period.returningCustomers(),
                        period.registrations()))
                .toList();
    }
}
