package bookstore.catalog.search.application;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One value of a facet and how many results have it. Price ranges also carry their bounds in minor
 * units ({@code to} exclusive), ready to be sent back as {@code minPrice} / {@code maxPrice}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FacetValue(String value, long count, Long from, Long to) {

    public static FacetValue of(String value, long count) {
        return new FacetValue(value, count, null, null);
    }
}
