package bookstore.analytics.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How many customers each segment held at the end of each month of a range (and on its last day). */
public record SegmentsReport(LocalDate from, LocalDate to, List<Snapshot> snapshots) implements Tabular {

    /** @param customers customers with an order by then */
    public record Snapshot(LocalDate asOf, long customers, Map<Segment, Long> sizes) {}

    @Override
    public List<String> columns() {
        return List.of("as_of", "segment", "customers");
    }

    @Override
    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            snapshot.sizes().forEach((segment, size) -> rows.add(List.of(snapshot.asOf(), segment, size)));
        }
        return rows;
    }
}
