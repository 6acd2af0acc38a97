package bookstore.catalog.search.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How the catalogue's text becomes search terms. Each text field is indexed three ways, because no
 * single analyzer serves both languages well:
 *
 * <ul>
 *   <li>{@code *_en}: English words, lower-cased, stop words dropped, Porter-stemmed ("wars" finds
 *       "war"); the fields fuzzy matching runs on.
 *   <li>{@code *_zh}: smartcn's dictionary-based segmentation of Chinese into words ("黑暗森林" into
 *       黑暗 / 森林); it stems the English words it meets too.
 *   <li>{@code *_cjk}: overlapping character pairs of Chinese text, for recall where the dictionary
 *       segments a name or coinage differently from the query.
 * </ul>
 */
final class Analyzers {

    static final int MAX_SUGGEST_PREFIX = 20;

    private Analyzers() {}

    static Analyzer english() {
        return new EnglishAnalyzer();
    }

    static Analyzer chinese() {
        return new SmartChineseAnalyzer(true);
    }

    static Analyzer bigrams() {
        return new CJKAnalyzer();
    }

    /** Whole words, lower-cased, no stemming: what a search box's prefix is matched against. */
    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }
        };
    }

    /** Every prefix of the whole lower-cased title, so "harry p" finds "Harry Potter and …". */
    static Analyzer titlePrefixes() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new KeywordTokenizer();
                TokenStream prefixes =
                        new EdgeNGramTokenFilter(new LowerCaseFilter(tokenizer), 1, MAX_SUGGEST_PREFIX, false);
                return new TokenStreamComponents(tokenizer, prefixes);
            }
        };
    }

    /** The analyzer the index writer uses: per field suffix, as above. */
    static Analyzer forIndexing() {
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perFieldForIndexing());
    }

    /**
     * How a book's own values are read when the index looks for books like it: each text field as the index analysed
     * it, and the exact author and category keys (already lower-cased) as one term each, as they were indexed.
     */
    static Analyzer forLikeness() {
        Map<String, Analyzer> perField = perFieldForIndexing();
        Analyzer whole = new KeywordAnalyzer();
        perField.put(Fields.AUTHOR_KEY, whole);
        perField.put(Fields.CATEGORY_KEY, whole);
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }

    private static Map<String, Analyzer> perFieldForIndexing() {
        Analyzer english = english();
        Analyzer chinese = chinese();
        Analyzer bigrams = bigrams();
        Analyzer words = words();
        Map<String, Analyzer> perField = new java.util.HashMap<>();
        for (String field : Fields.TEXT) {
            perField.put(field + Fields.EN, english);
            perField.put(field + Fields.ZH, chinese);
            perField.put(field + Fields.CJK, bigrams);
        }
        perField.put(Fields.TITLE_PREFIXES, titlePrefixes());
        perField.put(Fields.TITLE_WORDS, words);
        perField.put(Fields.AUTHOR_WORDS, words);
        return perField;
    }

    /** The terms an analyzer makes of a text, in order. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return terms;
    }
}
