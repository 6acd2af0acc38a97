package bookstore.analytics.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The shop's calendar: which day, and which month, an instant falls on where the shop trades, and how days and
 * months are written in store keys (so that keys sort by time).
 */
public record ShopCalendar(ZoneId zone) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    public LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public LocalDate today(Instant now) {
        return day(now);
    }

    /** {@code 20261207}: sorts as the days do. */
    public static String dayKey(LocalDate day) {
        return day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    public static LocalDate parseDayKey(String key) {
        return LocalDate.parse(key, DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** {@code 202612}: sorts as the months do. */
    public static String monthKey(YearMonth month) {
        return month.format(MONTH);
    }

    public static YearMonth parseMonthKey(String key) {
        return YearMonth.parse(key, MONTH);
    }
}
