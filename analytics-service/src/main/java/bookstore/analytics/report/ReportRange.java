package bookstore.analytics.report;

import bookstore.platform.web.Problems;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The days a report covers, both included, on the shop's calendar. At most ten years; never backwards.
 *
 * @param from the first day
 * @param to the last day
 */
public record ReportRange(LocalDate from, LocalDate to) {

    public static final long MAX_DAYS = 3_660;

    public ReportRange {
        if (from == null || to == null) {
            throw invalid("A report needs both from and to.");
        }
        if (to.isBefore(from)) {
            throw invalid("to (" + to + ") is before from (" + from + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw invalid("A report covers at most " + MAX_DAYS + " days.");
        }
    }

    /** The range asked for, or the given number of days up to today when neither end is given. */
    public static ReportRange of(LocalDate from, LocalDate to, LocalDate today, int defaultDays) {
        if (from == null && to == null) {
            return new ReportRange(today.minusDays(defaultDays - 1L), today);
        }
        return new ReportRange(from, to);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public Map<String, String> asParameters() {
        return Map.of("from", from.toString(), "to", to.toString());
    }

    /** The range cut into whole months in the middle and loose days at either end. */
    public Pieces pieces() {
        YearMonth firstWhole = from.getDayOfMonth() == 1
                ? YearMonth.from(from)
                : YearMonth.from(from).plusMonths(1);
        YearMonth lastWhole = to.equals(YearMonth.from(to).atEndOfMonth())
                ? YearMonth.from(to)
                : YearMonth.from(to).minusMonths(1);
        if (firstWhole.isAfter(lastWhole)) {
            return new Pieces(null, null, this, null);
        }
        LocalDate wholeStart = firstWhole.atDay(1);
        LocalDate wholeEnd = lastWhole.atEndOfMonth();
        return new Pieces(
                firstWhole,
                lastWhole,
                from.isBefore(wholeStart) ? new ReportRange(from, wholeStart.minusDays(1)) : null,
                to.isAfter(wholeEnd) ? new ReportRange(wholeEnd.plusDays(1), to) : null);
    }

    /**
     * Whole months (absent when the range holds none) and the loose days before and after them (absent when there
     * are none).
     */
    public record Pieces(YearMonth firstMonth, YearMonth lastMonth, ReportRange daysBefore, ReportRange daysAfter) {}

    static ErrorResponseException invalid(String detail) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST,
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-range", "Invalid range", detail),
                null);
    }
}
