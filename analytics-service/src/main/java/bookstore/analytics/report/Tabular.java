package bookstore.analytics.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** A report that also reads as a table, for {@code Accept: text/csv}: a header row and one row per line. */
public interface Tabular {

    @JsonIgnore
    List<String> columns();

    @JsonIgnore
    List<List<Object>> rows();
}
