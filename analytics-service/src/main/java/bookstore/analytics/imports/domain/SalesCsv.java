package bookstore.analytics.imports.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The file format of past sales: CSV (RFC 4180 quoting, one record per line), UTF-8, a header row naming the
 * columns.
 */
public final class SalesCsv {

    public static final String ORDER_REF = "order_ref";
    public static final String ORDERED_AT = "ordered_at";
    public static final String ISBN = "isbn";
    public static final String QUANTITY = "quantity";
    public static final String UNIT_PRICE = "unit_price";
    public static final String CUSTOMER_REF = "customer_ref";

    /** The columns in the order this shop writes them; a file may order them as it likes. */
    public static final List<String> COLUMNS = List.of(ORDER_REF, ORDERED_AT, ISBN, QUANTITY, UNIT_PRICE, CUSTOMER_REF);

    public static final String HEADER = String.join(",", COLUMNS);

    private SalesCsv() {}

    /**
     * The fields of one line: separated by commas, each optionally in double quotes (a quote inside written twice),
     * spaces around an unquoted field dropped.
     *
     * @throws IllegalArgumentException for a quote left open or text after a closing quote
     */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>(COLUMNS.size());
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("a quoted field is not closed");
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text follows a closing quote");
                }
                fields.add(field.toString());
            } else {
                int end = line.indexOf(',', i);
                end = end < 0 ? n : end;
                fields.add(line.substring(i, end).strip());
                i = end;
            }
            field.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++; // the comma
            if (i == n) {
                fields.add("");
                return fields;
            }
        }
    }
}
