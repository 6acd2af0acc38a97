package bookstore.catalog.search.index;

import bookstore.catalog.book.domain.Isbn;
import bookstore.catalog.search.application.SearchCriteria;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a shopper typed into a Lucene query.
 *
 * <p>The text is read three ways (see {@link Analyzers}) and a book matches if one reading finds
 * every one of its terms somewhere in the book: English words (in titles and author names also
 * fuzzily, so one typo is forgiven in words of four letters or more), smartcn's Chinese words, or
 * Chinese character pairs.
 * A valid ISBN, with or without hyphens, also matches its book directly. BM25 scores the matches;
 * a term found in the title counts most, then the authors, subtitle, publisher and description.
 */
final class Queries {

    private static final Map<String, Float> BOOSTS = Map.of(
            Fields.TITLE, 3.0f,
            Fields.AUTHORS, 2.5f,
            Fields.SUBTITLE, 1.5f,
            Fields.PUBLISHER, 1.0f,
            Fields.DESCRIPTION, 0.4f);
    private static final List<String> BIGRAM_FIELDS =
            List.of(Fields.TITLE, Fields.AUTHORS, Fields.SUBTITLE, Fields.PUBLISHER);
    private static final float FUZZY_WEIGHT = 0.5f;
    /**
     * Typos are forgiven where shoppers type names (one edit, first letter kept, words of four
     * letters or more, no numbers): in descriptions they would mostly add noise, and each fuzzy
     * field costs a walk of its term dictionary.
     */
    private static final List<String> FUZZY_FIELDS = List.of(Fields.TITLE, Fields.SUBTITLE, Fields.AUTHORS);

    private static final int MIN_FUZZY_LENGTH = 4;
    private static final float ISBN_BOOST = 20f;
    private static final float TIE_BREAKER = 0.1f;

    private final Analyzer english = Analyzers.english();
    private final Analyzer chinese = Analyzers.chinese();
    private final Analyzer bigrams = Analyzers.bigrams();
    private final Analyzer words = Analyzers.words();

    Queries() {
        // smartcn loads its dictionaries on first use, which takes seconds: pay that at start-up, not
        // in a shopper's first search.
        Analyzers.terms(chinese, Fields.TITLE + Fields.ZH, "图书目录");
    }

    Query search(SearchCriteria criteria) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(criteria.hasText() ? text(criteria.q()) : new MatchAllDocsQuery(), Occur.MUST);
        exact(query, Fields.AUTHOR_KEY, criteria.author());
        exact(query, Fields.CATEGORY_KEY, criteria.category());
        exact(query, Fields.PUBLISHER_KEY, criteria.publisher());
        exact(query, Fields.LANGUAGE_KEY, criteria.language());
        if (criteria.minPrice() != null || criteria.maxPrice() != null) {
            query.add(
                    LongField.newRangeQuery(
                            Fields.PRICE,
                            criteria.minPrice() == null ? Long.MIN_VALUE : criteria.minPrice(),
                            criteria.maxPrice() == null ? Long.MAX_VALUE : criteria.maxPrice()),
                    Occur.FILTER);
        }
        if (criteria.minRating() != null) {
            query.add(
                    LongField.newRangeQuery(
                            Fields.RATING,
                            criteria.minRating().movePointRight(1).longValueExact(),
                            Long.MAX_VALUE),
                    Occur.FILTER);
        }
        if (criteria.inStock() != null) {
            query.add(new TermQuery(new Term(Fields.IN_STOCK, criteria.inStock().toString())), Occur.FILTER);
        }
        return query.build();
    }

    Query text(String q) {
        BooleanQuery.Builder readings = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        boolean han = hasHan(q);

        List<String> englishTerms = Analyzers.terms(english, Fields.TITLE + Fields.EN, q).stream()
                .filter(term -> !hasHan(term))
                .toList();
        if (!englishTerms.isEmpty()) {
            readings.add(everyTerm(englishTerms, this::englishTerm), Occur.SHOULD);
        }
        if (han) {
            List<String> chineseTerms = Analyzers.terms(chinese, Fields.TITLE + Fields.ZH, q);
            if (!chineseTerms.isEmpty()) {
                readings.add(everyTerm(chineseTerms, this::chineseTerm), Occur.SHOULD);
            }
            List<String> pairs = Analyzers.terms(bigrams, Fields.TITLE + Fields.CJK, q).stream()
                    .filter(Queries::hasHan)
                    .toList();
            if (!pairs.isEmpty()) {
                readings.add(everyTerm(pairs, this::bigramTerm), Occur.SHOULD);
            }
        }
        Isbn.tryParse(q)
                .ifPresent(isbn -> readings.add(
                        new BoostQuery(new TermQuery(new Term(Fields.ISBN, isbn.value())), ISBN_BOOST), Occur.SHOULD));
        return readings.build();
    }

    /** Titles starting with the prefix first, then titles or authors with a word starting with it. */
    Query suggest(String prefix) {
        String typed = prefix.strip().toLowerCase(Locale.ROOT);
        BooleanQuery.Builder query = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        query.add(
                new BoostQuery(
                        new TermQuery(new Term(
                                Fields.TITLE_PREFIXES,
                                typed.substring(0, Math.min(typed.length(), Analyzers.MAX_SUGGEST_PREFIX)))),
                        4f),
                Occur.SHOULD);
        List<String> typedWords = Analyzers.terms(words, Fields.TITLE_WORDS, typed);
        if (!typedWords.isEmpty()) {
            query.add(new BoostQuery(wordPrefix(Fields.TITLE_WORDS, typedWords), 2f), Occur.SHOULD);
            query.add(wordPrefix(Fields.AUTHOR_WORDS, typedWords), Occur.SHOULD);
        }
        return query.build();
    }

    private static Query wordPrefix(String field, List<String> typedWords) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < typedWords.size() - 1; i++) {
            all.add(new TermQuery(new Term(field, typedWords.get(i))), Occur.MUST);
        }
        all.add(new PrefixQuery(new Term(field, typedWords.getLast())), Occur.MUST);
        return all.build();
    }

    private static Query everyTerm(List<String> terms, Function<String, Query> perTerm) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        new LinkedHashSet<>(terms).forEach(term -> all.add(perTerm.apply(term), Occur.MUST));
        return all.build();
    }

    private Query englishTerm(String term) {
        boolean forgiving = term.length() >= MIN_FUZZY_LENGTH && term.chars().noneMatch(Character::isDigit);
        List<Query> fields = BOOSTS.entrySet().stream()
                .<Query>map(field -> {
                    String name = field.getKey() + Fields.EN;
                    Query exact = new TermQuery(new Term(name, term));
                    if (!forgiving || !FUZZY_FIELDS.contains(field.getKey())) {
                        return new BoostQuery(exact, field.getValue());
                    }
                    Query fuzzy = new BoostQuery(new FuzzyQuery(new Term(name, term), 1, 1), FUZZY_WEIGHT);
                    return new BoostQuery(
                            new BooleanQuery.Builder()
                                    .add(exact, Occur.SHOULD)
                                    .add(fuzzy, Occur.SHOULD)
                                    .build(),
                            field.getValue());
                })
                .toList();
        return new DisjunctionMaxQuery(fields, TIE_BREAKER);
    }

    private Query chineseTerm(String term) {
        return new DisjunctionMaxQuery(
                BOOSTS.entrySet().stream()
                        .<Query>map(field -> new BoostQuery(
                                new TermQuery(new Term(field.getKey() + Fields.ZH, term)), field.getValue()))
                        .toList(),
                TIE_BREAKER);
    }

    private Query bigramTerm(String term) {
        return new DisjunctionMaxQuery(
                BIGRAM_FIELDS.stream()
                        .<Query>map(field ->
                                new BoostQuery(new TermQuery(new Term(field + Fields.CJK, term)), BOOSTS.get(field)))
                        .toList(),
                TIE_BREAKER);
    }

    private static void exact(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, BookDocuments.key(value))), Occur.FILTER);
        }
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
