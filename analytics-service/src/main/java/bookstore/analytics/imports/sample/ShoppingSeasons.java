package bookstore.analytics.imports.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rhythm of a Chinese online bookshop's year: how busy a day is against an ordinary one (week, 618, 双十一,
 * World Book Day, the Spring Festival lull) and which categories school terms lift.
 */
final class ShoppingSeasons {

    /** The categories parents and pupils buy for when a school term starts. */
    static final Set<String> SCHOOL_CATEGORIES = Set.of("Children", "Young Adult", "Popular Science");

    /** 春节 (the first day of the lunar year); outside these years the history has no Spring Festival lull. */
    private static final Map<Integer, LocalDate> SPRING_FESTIVAL = springFestivals();

    private ShoppingSeasons() {}

    /** How many orders a day brings against an ordinary weekday (1). */
    static double busyness(LocalDate day) {
        return weekday(day.getDayOfWeek()) * season(day);
    }

    static double weekday(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> 0.95;
            case TUESDAY -> 0.9;
            case WEDNESDAY -> 0.92;
            case THURSDAY -> 0.95;
            case FRIDAY -> 1.0;
            case SATURDAY -> 1.15;
            case SUNDAY -> 1.18;
        };
    }

    static double season(LocalDate day) {
        double lull = springFestivalLull(day);
        if (lull < 1) {
            return lull;
        }
        int dayOfMonth = day.getDayOfMonth();
        return switch (day.getMonth()) {
            // 双十一: pre-sales build up from the 1st, the 11th is the year's peak, the days after still busy.
            case NOVEMBER ->
                dayOfMonth <= 10 ? 1.25 + 0.08 * dayOfMonth : dayOfMonth == 11 ? 6.0 : dayOfMonth <= 13 ? 1.5 : 1.0;
            // 618: the mid-year festival, building up through June to the 18th.
            case JUNE -> dayOfMonth < 18 ? 1.1 + 0.03 * dayOfMonth : dayOfMonth == 18 ? 3.5 : 1.0;
            // 世界读书日, and 双十二's smaller echo of 双十一.
            case APRIL -> dayOfMonth == 23 ? 1.8 : 1.0;
            case DECEMBER -> dayOfMonth == 12 ? 1.6 : 1.0;
            default -> schoolTerm(day) ? 1.1 : 1.0;
        };
    }

    /** Couriers stop and people travel home: a week either side of the Spring Festival is quiet. */
    static double springFestivalLull(LocalDate day) {
        LocalDate festival = SPRING_FESTIVAL.get(day.getYear());
        LocalDate next = SPRING_FESTIVAL.get(day.getYear() + 1);
        long days = Long.MAX_VALUE;
        for (LocalDate candidate : new LocalDate[] {festival, next}) {
            if (candidate != null) {
                long distance = Math.abs(ChronoUnit.DAYS.between(candidate, day));
                days = Math.min(days, distance);
            }
        }
        if (days <= 7) {
            return 0.4;
        }
        return days <= 10 ? 0.75 : 1;
    }

    /** The weeks before and after a term starts: late August into September, mid-February into March. */
    static boolean schoolTerm(LocalDate day) {
        MonthDay date = MonthDay.from(day);
        boolean autumn = !date.isBefore(MonthDay.of(Month.AUGUST, 15)) && !date.isAfter(MonthDay.of(9, 20));
        boolean spring = !date.isBefore(MonthDay.of(Month.FEBRUARY, 15)) && !date.isAfter(MonthDay.of(3, 15));
        return autumn || (spring && springFestivalLull(day) == 1);
    }

    private static Map<Integer, LocalDate> springFestivals() {
        Map<Integer, LocalDate> festivals = new TreeMap<>();
        for (String date : List.of(
                "2015-02-19",
                "2016-02-08",
                "2017-01-28",
                "2018-02-16",
                "2019-02-05",
                "2020-01-25",
                "2021-02-12",
                "2022-02-01",
                "2023-01-22",
                "2024-02-10",
                "2025-01-29",
                "2026-02-17",
                "2027-02-06",
                "2028-01-26",
                "2029-02-13",
                "2030-02-03",
                "2031-01-23",
                "2032-02-11",
                "2033-01-31",
                "2034-02-19",
                "2035-02-08")) {
            LocalDate festival = LocalDate.parse(date);
            festivals.put(festival.getYear(), festival);
        }
        return Map.copyOf(festivals);
    }
}
