package bookstore.analytics.report;

import bookstore.events.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * Revenue, copies, orders and average order value per period, and over the whole range.
 *
 * @param periods every period of the range, also those without sales
 */
public record SalesReport(LocalDate from, LocalDate to, Granularity granularity, List<Period> periods, Period total)
        implements Tabular {

    /**
     * @param units copies sold less copies returned
     * @param averageOrderValue revenue ÷ orders; null without orders
     */
    public record Period(
            LocalDate start,
            LocalDate end,
            long orders,
            long units,
            Money revenue,
            Money averageOrderValue,
            long returned) {}

    @Override
    public List<String> columns() {
        return List.of("start", "end", "orders", "units", "revenue", "average_order_value", "returned", "currency");
    }

    @Override
    public List<List<Object>> rows() {
        return periods.stream()
                .map(period -> List.<Object>of(
                        period.start(),
                        period.end(),
                        period.orders(),
                        period.units(),
                        Csv.amount(period.revenue()),
                        Csv.amount(period.averageOrderValue()),
                        period.returned(),
                        period.revenue().currency()))
                .toList();
    }
}
