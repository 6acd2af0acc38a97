package bookstore.analytics.report;

import bookstore.analytics.forecast.Forecast;
import bookstore.analytics.forecast.WeeklySeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Weekly demand of one title or one category: the weeks it sold in, and the forecast that follows them (with its
 * interval and how it did when tested on the past weeks).
 *
 * @param subject the book id, or the category's name
 * @param title the book's title, or the category's name
 */
public record DemandReport(String subject, String title, WeeklySeries history, Forecast forecast) implements Tabular {

    @Override
    public List<String> columns() {
        return List.of("week", "actual", "forecast", "lower", "upper");
    }

    @Override
    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        double[] actual = history.values();
        for (int week = 0; week < actual.length; week++) {
            rows.add(Arrays.asList(history.firstWeek().plusWeeks(week), actual[week], null, null, null));
        }
        double[] mean = forecast.mean();
        for (int week = 0; week < mean.length; week++) {
            LocalDate start = forecast.firstWeek().plusWeeks(week);
            rows.add(Arrays.asList(start, null, mean[week], forecast.lower()[week], forecast.upper()[week]));
        }
        return rows;
    }
}
