package bookstore.catalog.search.application;

import java.util.List;
import java.util.Map;

/** One page of results, the total, and facet counts over all results (not just this page). */
public record SearchPage(List<BookHit> items, int page, int size, long total, Map<String, List<FacetValue>> facets) {}
