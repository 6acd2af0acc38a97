package bookstore.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WeeklySeriesTests {

    private static final LocalDate THURSDAY = LocalDate.of(2026, 1, 1);
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @Test
    void daysAddUpToWeeksFromMondayToSundayAndDaysWithoutSalesCountAsNone() {
        TreeMap<LocalDate, Long> daily = new TreeMap<>();
        daily.put(MONDAY, 1L);
        daily.put(MONDAY.plusDays(6), 2L); // Sunday
        daily.put(MONDAY.plusDays(8), 4L); // the next Tuesday

        WeeklySeries weekly = WeeklySeries.ofDays(daily, MONDAY, MONDAY.plusDays(20));

        assertThat(weekly.firstWeek()).isEqualTo(MONDAY);
        assertThat(weekly.values()).containsExactly(3, 4, 0);
        assertThat(weekly.weekAfterLast()).isEqualTo(MONDAY.plusWeeks(3));
    }

    @Test
    void partialWeeksAtEitherEndAreLeftOut() {
        TreeMap<LocalDate, Long> daily = new TreeMap<>();
        daily.put(LocalDate.of(2026, 1, 2), 5L); // Friday before the first whole week
        daily.put(MONDAY, 1L);
        daily.put(LocalDate.of(2026, 1, 13), 4L);
        daily.put(LocalDate.of(2026, 1, 19), 7L); // Monday of a week that ends after the range

        WeeklySeries weekly = WeeklySeries.ofDays(daily, THURSDAY, LocalDate.of(2026, 1, 21));

        assertThat(weekly.firstWeek()).isEqualTo(MONDAY);
        assertThat(weekly.values()).containsExactly(1, 4);
    }

    @Test
    void aRangeWithoutAWholeWeekGivesAnEmptySeries() {
        WeeklySeries weekly = WeeklySeries.ofDays(new TreeMap<>(), THURSDAY, THURSDAY.plusDays(6));

        assertThat(weekly.size()).isZero();
        assertThat(weekly.firstWeek()).isEqualTo(MONDAY);
    }

    @Test
    void aWeekWithMoreReturnsThanSalesCountsAsNoDemand() {
        TreeMap<LocalDate, Long> daily = new TreeMap<>();
        daily.put(MONDAY, 2L);
        daily.put(MONDAY.plusDays(1), -5L);
        daily.put(MONDAY.plusDays(7), 3L);
        daily.put(MONDAY.plusDays(8), -1L);

        assertThat(WeeklySeries.ofDays(daily, MONDAY, MONDAY.plusDays(13)).values())
                .containsExactly(0, 2);
    }

    @Test
    void refusesAWeekNotStartingOnMondayAndCountsThatAreNotCounts() {
        assertThatThrownBy(() -> new WeeklySeries(THURSDAY, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeeklySeries(MONDAY, new double[] {-1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeeklySeries(MONDAY, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeeklySeries.ofDays(new TreeMap<>(), MONDAY, THURSDAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsItsOwnCopyOfTheCounts() {
        double[] values = {1, 2};
        WeeklySeries weekly = new WeeklySeries(MONDAY, values);

        values[0] = 9;
        weekly.values()[1] = 9;

        assertThat(weekly).isEqualTo(new WeeklySeries(MONDAY, new double[] {1, 2}));
    }
}
