package bookstore.analytics.streams;

import bookstore.analytics.forecast.DemandForecaster;
import bookstore.analytics.forecast.Forecast;
import bookstore.analytics.forecast.WeeklySeries;
import java.time.Duration;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Weekly demand from daily sales, and how analytics forecasts it: over at most {@code historyWeeks} whole weeks
 * before today, starting with the first whole week a title sold in (its launch week is partial).
 *
 * @param horizonWeeks how far forecasts look ahead
 * @param historyWeeks how far back they learn from
 * @param interval how often the stored forecasts of the books that sold are brought up to date
 * @param budget how long one update may take at most (the stream thread does it, between records)
 */
public record Demand(int horizonWeeks, int historyWeeks, Duration interval, Duration budget) {

    public static final Demand DEFAULTS = new Demand(26, 156, Duration.ofSeconds(10), Duration.ofMillis(500));

    /** The weekly series of daily copies up to today; empty when nothing sold. */
    public WeeklySeries weekly(SortedMap<LocalDate, Long> unitsByDay, LocalDate today) {
        if (unitsByDay.isEmpty()) {
            return WeeklySeries.ofDays(new TreeMap<>(), today, today);
        }
        LocalDate earliest = today.minusWeeks(historyWeeks);
        LocalDate from = unitsByDay.firstKey().isAfter(earliest) ? unitsByDay.firstKey() : earliest;
        return WeeklySeries.ofDays(unitsByDay, from.isAfter(today) ? today : from, today);
    }

    public Forecast forecast(DemandForecaster forecaster, SortedMap<LocalDate, Long> unitsByDay, LocalDate today) {
        return forecaster.forecast(weekly(unitsByDay, today), horizonWeeks);
    }

    /** Copies per day from a book's daily figures. */
    public static SortedMap<LocalDate, Long> units(SortedMap<LocalDate, Figures> days) {
        SortedMap<LocalDate, Long> units = new TreeMap<>();
        days.forEach((day, figures) -> units.put(day, figures.units()));
        return units;
    }
}
