package bookstore.analytics.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Weekly demand (copies per week) of one title or one category, week after week from {@code firstWeek}.
 *
 * @param firstWeek the Monday that starts the first week
 * @param values copies per week, each finite and not negative; the record keeps its own copy
 */
public record WeeklySeries(LocalDate firstWeek, double[] values) {

    public WeeklySeries {
        Objects.requireNonNull(firstWeek, "firstWeek");
        Objects.requireNonNull(values, "values");
        if (firstWeek.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a week starts on a Monday, not on " + firstWeek);
        }
        values = values.clone();
        for (double value : values) {
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException("weekly demand is a finite count of at least 0, not " + value);
            }
        }
    }

    /**
     * The whole weeks (Monday to Sunday) between two days, from daily counts.
     *
     * <p>A day without an entry sold nothing. Only whole weeks count: the series starts on the first Monday on or
     * after {@code from} and ends on the last Sunday on or before {@code to}, so a partial week at either end (the
     * week in progress, or a title's first days on sale) is left out rather than counted as a week of low demand. A
     * week whose net count is below zero (more copies returned than sold) counts as no demand.
     *
     * @param daily copies per day on the shop's calendar (entries outside the range are ignored)
     * @param from the first day to consider, inclusive
     * @param to the last day to consider, inclusive
     */
    public static WeeklySeries ofDays(SortedMap<LocalDate, Long> daily, LocalDate from, LocalDate to) {
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        LocalDate firstMonday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate lastSunday = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        int weeks = (int) Math.max(0, ChronoUnit.DAYS.between(firstMonday, lastSunday.plusDays(1)) / 7);
        double[] values = new double[weeks];
        if (weeks > 0) {
            for (Map.Entry<LocalDate, Long> day :
                    daily.subMap(firstMonday, firstMonday.plusWeeks(weeks)).entrySet()) {
                values[(int) (ChronoUnit.DAYS.between(firstMonday, day.getKey()) / 7)] += day.getValue();
            }
        }
        for (int week = 0; week < weeks; week++) {
            values[week] = Math.max(0, values[week]);
        }
        return new WeeklySeries(firstMonday, values);
    }

    /** A copy of the weekly counts. */
    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    /** The Monday of the week after the last one, where a forecast of this series starts. */
    public LocalDate weekAfterLast() {
        return firstWeek.plusWeeks(values.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklySeries that
                && firstWeek.equals(that.firstWeek)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * firstWeek.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "WeeklySeries[firstWeek=" + firstWeek + ", values=" + Arrays.toString(values) + "]";
    }
}
