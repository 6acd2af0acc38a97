package bookstore.catalog.search.application;

import java.util.List;

/** The read side of the search index. */
public interface SearchIndex {

    SearchPage search(SearchCriteria criteria);

    List<Suggestion> suggest(String prefix, int limit);
}
