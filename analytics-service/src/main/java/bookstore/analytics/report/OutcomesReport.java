package bookstore.analytics.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What became of the orders placed in each period: placed, confirmed, rejected and cancelled, the rates, and the
 * reasons over the whole range. Orders count in the period they were placed in.
 */
public record OutcomesReport(
        LocalDate from,
        LocalDate to,
        Granularity granularity,
        List<Period> periods,
        Period total,
        Map<String, Long> rejectionReasons,
        Map<String, Long> cancellationReasons)
        implements Tabular {

    /** @param rejectionRate rejected ÷ placed (0 without orders); cancellationRate likewise */
    public record Period(
            LocalDate start,
            LocalDate end,
            long placed,
            long confirmed,
            long rejected,
            long cancelled,
            double rejectionRate,
            double cancellationRate) {}

    @Override
    public List<String> columns() {
        return List.of(
                "start", "end", "placed", "confirmed", "rejected", "cancelled", "rejection_rate", "cancellation_rate");
    }

    @Override
    public List<List<Object>> rows() {
        return periods.stream()
                .map(period -> List.<Object>of(
                        period.start(),
                        period.end(),
                        period.placed(),
                        period.confirmed(),
                        period.rejected(),
                        period.cancelled(),
                        period.rejectionRate(),
                        period.cancellationRate()))
                .toList();
    }
}
