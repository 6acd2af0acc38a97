package bookstore.analytics.imports.domain;

import java.time.Instant;

/**
 * What an import brings: how many lines, orders, books and customers, and the time its sales span.
 *
 * @param importId derived from the file's content, so the same file is the same import
 * @param from the earliest sale, null for an import without lines
 * @param to the latest sale, null for an import without lines
 */
public record ImportSummary(
        String importId, int lines, int orders, int books, int customers, Instant from, Instant to) {}
