package bookstore.analytics.report;

import bookstore.events.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Writes tables as RFC 4180 CSV: every field that needs it quoted, quotes doubled, CRLF line ends. */
public final class Csv {

    private Csv() {}

    public static String of(Tabular table) {
        StringBuilder csv = new StringBuilder();
        line(csv, table.columns().stream().map(Object.class::cast).toList());
        table.rows().forEach(row -> line(csv, row));
        return csv.toString();
    }

    /** An amount in major units (yuan), as spreadsheets read it: 12.50. Empty when there is none. */
    static String amount(Money money) {
        return money == null ? "" : BigDecimal.valueOf(money.amount(), 2).toPlainString();
    }

    private static void line(StringBuilder csv, List<Object> fields) {
        csv.append(fields.stream().map(Csv::field).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    private static String field(Object value) {
        String text = value == null ? "" : String.valueOf(value);
        // A leading =, +, - or @ would make a spreadsheet run the cell as a formula: quote it with a leading '.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
