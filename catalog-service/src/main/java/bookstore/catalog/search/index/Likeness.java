package bookstore.catalog.search.index;

import bookstore.catalog.book.domain.Book;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.Query;

/**
 * What "books like this one" means to the index: Lucene's {@link MoreLikeThis} over the book's own title, subtitle,
 * authors, description and categories, each read the way the index reads it (English words, smartcn's Chinese
 * words, Chinese character pairs; authors and categories also as exact keys), so it works for a book without any
 * sales history. The terms that best tell the book apart (frequent in it, rare in the catalogue) become the query;
 * sharing an author or a category, rare across a catalogue, counts for much, a common word for little.
 */
final class Likeness {

    /** Enough for a title, a few authors and categories and a description's telling words, in three readings. */
    private static final int MAX_QUERY_TERMS = 60;

    private static final String[] FIELDS = List.of(
                    Fields.TITLE + Fields.EN,
                    Fields.TITLE + Fields.ZH,
                    Fields.TITLE + Fields.CJK,
                    Fields.SUBTITLE + Fields.EN,
                    Fields.SUBTITLE + Fields.ZH,
                    Fields.SUBTITLE + Fields.CJK,
                    Fields.AUTHORS + Fields.EN,
                    Fields.AUTHORS + Fields.ZH,
                    Fields.AUTHORS + Fields.CJK,
                    Fields.DESCRIPTION + Fields.EN,
                    Fields.DESCRIPTION + Fields.ZH,
                    Fields.AUTHOR_KEY,
                    Fields.CATEGORY_KEY)
            .toArray(String[]::new);

    /**
     * Words that say nothing about what a book is about, which the Chinese reading of a text keeps (smartcn drops only
     * punctuation): English function words, in the Chinese reading of English text, and Chinese function words. In a
     * large catalogue their rarity alone would rank them low, but they would still find every book.
     */
    private static final Set<String> NOISE = noise();

    private final Analyzer analyzer = Analyzers.forLikeness();

    /**
     * The query for books like this one on this version of the index; it matches nothing if the book shares no term
     * with another. It may match the book itself, which the caller leaves out.
     */
    Query like(IndexReader reader, Book book) throws IOException {
        MoreLikeThis likeThis = new MoreLikeThis(reader);
        likeThis.setAnalyzer(analyzer);
        likeThis.setFieldNames(FIELDS);
        // A book's values are few and short: a word that appears once in a title is as telling as any.
        likeThis.setMinTermFreq(1);
        // An active book is in the index itself: a term only it has finds no other book and would only crowd out
        // one that does, so a term must be in one more book than that. A discontinued book is not in the index.
        likeThis.setMinDocFreq(book.isActive() ? 2 : 1);
        likeThis.setMaxQueryTerms(MAX_QUERY_TERMS);
        likeThis.setBoost(true);
        likeThis.setStopWords(NOISE);
        return likeThis.like(BookDocuments.likenessValues(book));
    }

    private static Set<String> noise() {
        Set<String> words = new HashSet<>();
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(
                word -> words.add(word instanceof char[] chars ? new String(chars) : word.toString()));
        words.addAll(List.of(
                "的", "了", "着", "过", "在", "和", "与", "及", "或", "是", "有", "一", "一个", "这", "那", "这个", "那个", "中", "上", "下",
                "里", "他", "她", "它", "他们", "她们", "我", "我们", "你", "你们", "也", "都", "就", "而", "之", "其", "为", "以", "于", "由",
                "向", "从", "将", "被", "把", "对", "等", "所", "并", "但", "又", "很", "更"));
        return Set.copyOf(words);
    }
}
